import { CodeActionKind, CodeLensRefreshRequest, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintOptions } from '../analysis/lint';
import { languageWarmUpSteps, modelWarmUpSteps } from '../language/warm-up';
import type { ConfigSet } from '../navigation/config-set';
import { WorkspaceConfigs, toPath } from '../navigation/workspace-configs';
import { SampleRequestsNotification, SimulateRequest, WorkspaceTrustNotification, type SimulateParams, type SimulateResponse, type WorkspaceTrustParams } from '../protocol';
import { codeActions } from './code-actions';
import { COMPLETION_TRIGGERS, CompletionProvider, completionEnvironment } from './completion';
import { definitionLocations } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { RoutingLensProvider } from './code-lens';
import { DocumentStore } from './document-store';
import { foldingRanges } from './folding';
import { formatOptions, formattingEdits, type FormatSettings } from './formatting';
import { HaproxyChecker, type CheckedFile } from './haproxy-check';
import { highlights } from './highlights';
import { hoverFor } from './hover';
import { linksOf } from './links';
import { referenceLocations } from './references';
import { prepareRenameRange, renameEdits } from './rename';
import { simulateDocument } from './simulate';
import { semanticTokens, semanticTokensLegend } from './semantic-tokens';
import { SIGNATURE_TRIGGERS, SignatureHelpProvider } from './signature-help';
import { documentSymbols } from './symbols';
import { DocumentWarmUp, eachStep, runInTurns } from './warm-up';
import { workspaceSymbolList } from './workspace-symbols';

/** Settings the server reads from `haproxy.*` (workspace/configuration) or from initializationOptions. */
interface ServerSettings {
  version?: string;
  rules?: LintOptions['rules'];
  format?: FormatSettings;
  /** Globs of the files that form one config, in load order. */
  configFiles?: string[];
  executablePath?: string;
  checkOnSave?: boolean;
  /** Only in initializationOptions: whether the client's workspace is trusted. */
  workspaceTrusted?: boolean;
  /** Only in initializationOptions: debounce of diagnostics after an edit, in ms (default 150). */
  diagnosticsDelay?: number;
}

/** Wires the language features to a connection. Each handler guards itself so one bad request never kills the server. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore();
  const diagnostics = new DiagnosticsPublisher(connection, documents, store);
  let canPullConfiguration = false;
  let canRefreshLenses = false;
  const routingLenses = new RoutingLensProvider();
  const completion = new CompletionProvider();
  const signatureHelp = new SignatureHelpProvider();

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
  const configs = new WorkspaceConfigs({ uris: () => documents.keys(), model: (uri) => documentFor(uri)?.model });
  store.setExternalProvider((uri) => configs.externalFor(uri));
  const checker = new HaproxyChecker(connection, (uri) =>
    documents.get(uri) ? diagnostics.schedule(uri, true) : void connection.sendDiagnostics({ uri, diagnostics: checker.diagnosticsFor(uri) }),
  );
  diagnostics.addSource((uri) => checker.diagnosticsFor(uri));
  let workspaceFolders: string[] = [];
  let formatting = formatOptions(undefined);
  const applyNavigationSettings = (settings: ServerSettings | null | undefined) => {
    configs.configure(workspaceFolders, Array.isArray(settings?.configFiles) ? settings.configFiles.filter((g) => typeof g === 'string') : []);
    formatting = formatOptions(settings?.format);
    checker.configure({ executablePath: settings?.executablePath || undefined, enabled: settings?.checkOnSave !== false });
  };
  const withSet = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, handler: (set: ConfigSet, params: P) => R) =>
    safe(name, fallback, (params: P) => (documents.get(params.textDocument.uri) ? handler(configs.currentSetFor(params.textDocument.uri), params) : fallback));
  const warmUp = new DocumentWarmUp(
    documentFor,
    function* (document) {
      yield* eachStep(modelWarmUpSteps(document.model));
      yield* configs.currentSetFor(document.uri).indexInSlices();
    },
    (error) => connection.console.error(`haproxy: warm-up failed: ${error instanceof Error ? error.stack : String(error)}`),
  );

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canRefreshLenses = Boolean(params.capabilities.workspace?.codeLens?.refreshSupport);
    completion.configure(params.capabilities);
    signatureHelp.configure(params.capabilities);
    const initial = params.initializationOptions as ServerSettings | undefined;
    if (initial) store.setOptions({ version: initial.version, rules: initial.rules });
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map(toPath).filter((path): path is string => path !== undefined);
    applyNavigationSettings(initial);
    checker.setTrusted(initial?.workspaceTrusted === true);
    if (typeof initial?.diagnosticsDelay === 'number') diagnostics.setDelay(initial.diagnosticsDelay);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        codeLensProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS },
      },
      serverInfo: { name: 'haproxy-language-server' },
    };
  });

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    try {
      const [settings] = (await connection.workspace.getConfiguration([{ section: 'haproxy' }])) as (ServerSettings | null)[];
      applyNavigationSettings(settings);
      store.setOptions({ version: settings?.version, rules: settings?.rules });
      diagnostics.publishAll();
    } catch (error) {
      connection.console.warn(`haproxy: could not read settings: ${String(error)}`);
    }
  };

  connection.onInitialized(() => {
    void refreshSettings();
    runInTurns(eachStep(languageWarmUpSteps()), () => true, (error) => connection.console.error(`haproxy: warm-up failed: ${String(error)}`));
  });
  connection.onDidChangeConfiguration(() => void refreshSettings());

  documents.onDidOpen((event) => diagnostics.schedule(event.document.uri, true));
  documents.onDidChangeContent((event) => {
    diagnostics.schedule(event.document.uri);
    // Opening a document fires this too.
    warmUp.schedule(event.document.uri);
    if (!configs.isMember(event.document.uri)) return;
    // The other files of a multi-file config see this one: their findings are stale now.
    for (const uri of configs.memberUris()) {
      if (uri === event.document.uri || !documents.get(uri)) continue;
      store.delete(uri);
      diagnostics.schedule(uri);
    }
  });
  documents.onDidSave((event) => {
    const uri = event.document.uri;
    const uris = configs.isMember(uri) ? configs.memberUris() : [uri];
    const files = uris.flatMap((member): CheckedFile[] => {
      const path = toPath(member);
      return path ? [{ uri: member, path, model: configs.setFor(uri).model(member) }] : [];
    });
    void checker.check(uri, files).catch((error) => connection.console.error(`haproxy: haproxy -c failed: ${String(error)}`));
  });
  connection.onNotification(WorkspaceTrustNotification.method, (params: WorkspaceTrustParams) => checker.setTrusted(params.trusted === true));
  documents.onDidClose((event) => {
    store.delete(event.document.uri);
    warmUp.forget(event.document.uri);
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
  connection.onDefinition(withSet('definition', [], definitionLocations));
  connection.onReferences(withSet('references', [], referenceLocations));
  connection.onDocumentHighlight(withSet('documentHighlight', [], highlights));
  connection.onPrepareRename(withSet('prepareRename', null, prepareRenameRange));
  connection.onRenameRequest(withSet('rename', null, renameEdits));
  connection.onDocumentLinks(safe('documentLinks', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? linksOf(document.model, params.textDocument.uri) : [];
  }));
  connection.onWorkspaceSymbol(safe('workspaceSymbol', [], (params) => {
    const open = documents.keys().map((uri) => configs.setFor(uri).members.find((member) => member.uri === uri)!);
    const configured = configs.memberUris().length > 0 ? configs.setFor(configs.memberUris()[0]).members : [];
    return workspaceSymbolList([...open, ...configured], params.query);
  }));
  // The document's parse (done for its diagnostics) saves the formatter parsing the text again.
  connection.onDocumentFormatting(safe('formatting', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? formattingEdits(document.text, formatting, undefined, document.file) : [];
  }));
  connection.onDocumentRangeFormatting(safe('rangeFormatting', [], (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? formattingEdits(document.text, formatting, params.range, document.file) : [];
  }));
  connection.onHover(safe('hover', null, (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? hoverFor(document, params) : null;
  }));
  connection.onCompletion(safe('completion', null, (params) => {
    const uri = params.textDocument.uri;
    const document = documentFor(uri);
    const others = () => configs.setFor(uri).members.filter((member) => member.uri !== uri).map((member) => member.model);
    return document ? completion.complete(document, params, completionEnvironment(uri, others)) : null;
  }));
  connection.onCompletionResolve((item) => safe('completionResolve', item, (unresolved: typeof item) => completion.resolve(unresolved, documentFor))(item));
  connection.onSignatureHelp(safe('signatureHelp', null, (params) => {
    const document = documentFor(params.textDocument.uri);
    return document ? signatureHelp.help(document, params) : null;
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
  connection.onCodeLensResolve((lens) => safe('codeLensResolve', lens, (unresolved: typeof lens) => routingLenses.resolve(unresolved, documentFor))(lens));

  documents.listen(connection);
  connection.listen();
}
