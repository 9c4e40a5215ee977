import type { ServerCapabilities } from 'vscode-languageserver-protocol';

/** Where a request points: a document, and a position and range inside it. */
export interface RequestTarget {
  uri: string;
  line: number;
  character: number;
  endLine: number;
}

/** One LSP request the server says it answers, with a way to build its parameters. */
export interface AdvertisedRequest {
  method: string;
  params(target: RequestTarget): unknown;
}

const textDocument = (t: RequestTarget) => ({ uri: t.uri });
const position = (t: RequestTarget) => ({ textDocument: textDocument(t), position: { line: t.line, character: t.character } });
const range = (t: RequestTarget) => ({ start: { line: t.line, character: 0 }, end: { line: t.endLine, character: 0 } });

/** Each request method, the capability that advertises it and how to build its parameters. */
const CATALOGUE: { method: string; advertised: (c: ServerCapabilities) => unknown; params: (t: RequestTarget) => unknown }[] = [
  { method: 'textDocument/hover', advertised: (c) => c.hoverProvider, params: position },
  { method: 'textDocument/completion', advertised: (c) => c.completionProvider, params: position },
  { method: 'textDocument/signatureHelp', advertised: (c) => c.signatureHelpProvider, params: position },
  { method: 'textDocument/definition', advertised: (c) => c.definitionProvider, params: position },
  { method: 'textDocument/declaration', advertised: (c) => c.declarationProvider, params: position },
  { method: 'textDocument/typeDefinition', advertised: (c) => c.typeDefinitionProvider, params: position },
  { method: 'textDocument/implementation', advertised: (c) => c.implementationProvider, params: position },
  { method: 'textDocument/references', advertised: (c) => c.referencesProvider, params: (t) => ({ ...position(t), context: { includeDeclaration: true } }) },
  { method: 'textDocument/documentHighlight', advertised: (c) => c.documentHighlightProvider, params: position },
  { method: 'textDocument/prepareRename', advertised: (c) => typeof c.renameProvider === 'object' && c.renameProvider.prepareProvider, params: position },
  { method: 'textDocument/rename', advertised: (c) => c.renameProvider, params: (t) => ({ ...position(t), newName: 'renamed_x' }) },
  { method: 'textDocument/documentSymbol', advertised: (c) => c.documentSymbolProvider, params: (t) => ({ textDocument: textDocument(t) }) },
  { method: 'textDocument/foldingRange', advertised: (c) => c.foldingRangeProvider, params: (t) => ({ textDocument: textDocument(t) }) },
  { method: 'textDocument/selectionRange', advertised: (c) => c.selectionRangeProvider, params: (t) => ({ textDocument: textDocument(t), positions: [{ line: t.line, character: t.character }] }) },
  { method: 'textDocument/documentLink', advertised: (c) => c.documentLinkProvider, params: (t) => ({ textDocument: textDocument(t) }) },
  { method: 'textDocument/codeLens', advertised: (c) => c.codeLensProvider, params: (t) => ({ textDocument: textDocument(t) }) },
  { method: 'textDocument/codeAction', advertised: (c) => c.codeActionProvider, params: (t) => ({ textDocument: textDocument(t), range: range(t), context: { diagnostics: [] } }) },
  { method: 'textDocument/formatting', advertised: (c) => c.documentFormattingProvider, params: (t) => ({ textDocument: textDocument(t), options: { tabSize: 4, insertSpaces: true } }) },
  { method: 'textDocument/rangeFormatting', advertised: (c) => c.documentRangeFormattingProvider, params: (t) => ({ textDocument: textDocument(t), range: range(t), options: { tabSize: 4, insertSpaces: true } }) },
  { method: 'textDocument/onTypeFormatting', advertised: (c) => c.documentOnTypeFormattingProvider, params: (t) => ({ ...position(t), ch: '\n', options: { tabSize: 4, insertSpaces: true } }) },
  { method: 'textDocument/semanticTokens/full', advertised: (c) => c.semanticTokensProvider, params: (t) => ({ textDocument: textDocument(t) }) },
  { method: 'textDocument/semanticTokens/range', advertised: (c) => c.semanticTokensProvider?.range, params: (t) => ({ textDocument: textDocument(t), range: range(t) }) },
  { method: 'textDocument/inlayHint', advertised: (c) => c.inlayHintProvider, params: (t) => ({ textDocument: textDocument(t), range: range(t) }) },
  { method: 'textDocument/diagnostic', advertised: (c) => c.diagnosticProvider, params: (t) => ({ textDocument: textDocument(t) }) },
  { method: 'textDocument/linkedEditingRange', advertised: (c) => c.linkedEditingRangeProvider, params: position },
  { method: 'textDocument/moniker', advertised: (c) => c.monikerProvider, params: position },
  { method: 'workspace/symbol', advertised: (c) => c.workspaceSymbolProvider, params: () => ({ query: 'be' }) },
];

/** The document requests a server advertises in its initialize result, ready to be called at any position. */
export function advertisedRequests(capabilities: ServerCapabilities): AdvertisedRequest[] {
  return CATALOGUE.filter((entry) => Boolean(entry.advertised(capabilities))).map(({ method, params }) => ({ method, params }));
}
