import { CodeActionKind, CodeLensRefreshRequest, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintOptions } from '../analysis/lint';
import { SampleRequestsNotification, SimulateRequest, type SimulateParams, type SimulateResponse } from '../protocol';
import { codeActions } from './code-actions';
import { DiagnosticsPublisher } from './diagnostics';
import { RoutingLensProvider } from './code-lens';
import { DocumentStore } from './document-store';
import { foldingRanges } from './folding';
import { simulateDocument } from './simulate';
import { semanticTokens, semanticTokensLegend } from './semantic-tokens';
import { documentSymbols } from './symbols';

/** Settings the server reads from `haproxy.*` (workspace/configuration) or from initializationOptions. */
interface ServerSettings {
  version?: string;
  rules?: LintOptions['rules'];
}

/** Wires the language features to a connection. Each handler guards itself so one bad request never kills the server. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore();
  const diagnostics = new DiagnosticsPublisher(connection, documents, store);
  let canPullConfiguration = false;
  let canRefreshLenses = false;
  const routingLenses = new RoutingLensProvider();

  const safe = <P, R>(name: string, fallback: R, handler: (params: P) => R) => (params: P): R => {
    try {
      return handler(params);
    } catch (error) {
      connection.console.error(`haproxy: ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  };
  const documentFor = (uri: string) => {
    const document = documents.get(uri);
    return document ? store.get(document) : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canRefreshLenses = Boolean(params.capabilities.workspace?.codeLens?.refreshSupport);
    const initial = params.initializationOptions as ServerSettings | undefined;
    if (initial) store.setOptions({ version: initial.version, rules: initial.rules });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'haproxy-language-server' },
    };
  });

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    try {
      const [settings] = (await connection.workspace.getConfiguration([{ section: 'haproxy' }])) as (ServerSettings | null)[];
      store.setOptions({ version: settings?.version, rules: settings?.rules });
      diagnostics.publishAll();
    } catch (error) {
      connection.console.warn(`haproxy: could not read settings: ${String(error)}`);
    }
  };

  connection.onInitialized(() => void refreshSettings());
  connection.onDidChangeConfiguration(() => void refreshSettings());

  documents.onDidOpen((event) => diagnostics.schedule(event.document.uri, true));
  documents.onDidChangeContent((event) => diagnostics.schedule(event.document.uri));
  documents.onDidClose((event) => {
    store.delete(event.document.uri);
    routingLenses.forget(event.document.uri);
    diagnostics.clear(event.document.uri);
  });

  connection.onDocumentSymbol(safe('documentSymbol', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? documentSymbols(document.model) : [];
  }));
  connection.languages.semanticTokens.on(safe('semanticTokens', { data: [] }, (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? semanticTokens(document.model) : { data: [] };
  }));
  connection.onFoldingRanges(safe('foldingRanges', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? foldingRanges(document.file) : [];
  }));
  connection.onCodeAction(safe('codeAction', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? codeActions(document, params) : [];
  }));

  // By method name: vscode-languageserver bundles its own copy of the protocol package, whose message type
  // classes TypeScript will not match with the shared declarations in protocol.ts.
  connection.onRequest(SimulateRequest.method, safe('simulate', null, (params: SimulateParams): SimulateResponse => simulateDocument(documentFor(params.uri), params)));
  connection.onNotification(SampleRequestsNotification.method, safe('sampleRequests', undefined, (params: SimulateParams) => {
    routingLenses.setSamples(params);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }));
  connection.onCodeLens(safe('codeLens', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? routingLenses.lenses(document) : [];
  }));

  documents.listen(connection);
  connection.listen();
}
