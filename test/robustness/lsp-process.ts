import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MarkupKind,
  MessageType,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** A language server process spoken to over stdio, with what benchmarks and stress tests need. */
export interface LspProcess {
  connection: ProtocolConnection;
  child: ChildProcess;
  capabilities: ServerCapabilities;
  /** Milliseconds from spawning the process to the initialize result. */
  startupMs: number;
  stderr(): string;
  /** Error and warning messages the server logged through `window/logMessage`. */
  logged(): string[];
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  /** Resolves with the first diagnostics for `uri` published with `version` (or a later one). */
  diagnosticsAtLeast(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/** What VS Code announces for the features the server implements (completion lists with item defaults...). */
const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceFolders: false, configuration: false },
  textDocument: {
    synchronization: { didSave: true },
    hover: { contentFormat: [MarkupKind.Markdown, MarkupKind.PlainText] },
    completion: {
      completionItem: { snippetSupport: true, insertReplaceSupport: true, documentationFormat: [MarkupKind.Markdown] },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
  },
};

/** Starts `node [nodeArgs] <serverScript> --stdio` and initializes it (`nodeArgs` e.g. `--cpu-prof` to profile it). */
export async function startLspProcess(serverScript: string, initializationOptions?: unknown, nodeArgs: string[] = []): Promise<LspProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const logged: string[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => {
    if (params.type === MessageType.Error || params.type === MessageType.Warning) logged.push(params.message);
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && (params.version ?? Number.MAX_SAFE_INTEGER) >= waiter.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  // Server-to-client requests get the answer a minimal client would give.
  for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh']) {
    connection.onRequest(method, () => null);
  }
  connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
  connection.listen();
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: CLIENT_CAPABILITIES,
    initializationOptions,
  });
  const startupMs = performance.now() - started;
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    capabilities: result.capabilities,
    startupMs,
    stderr: () => stderr,
    logged: () => [...logged],
    open: (uri, text, version = 1) => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'haproxy', version, text } }),
    change: (uri, version, contentChanges) => connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }),
    diagnosticsAtLeast: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    stop: async () => {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
        await connection.sendNotification('exit');
      } catch {
        // The process may already be gone; it is killed below either way.
      } finally {
        connection.dispose();
        child.kill();
      }
    },
  };
}
