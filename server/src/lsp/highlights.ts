import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import type { ConfigSet } from '../navigation/config-set';
import { documentHighlights } from '../navigation/references';
import { toLspRange } from './convert';

/** textDocument/documentHighlight: definitions as writes, uses as reads. */
export function highlights(set: ConfigSet, params: DocumentHighlightParams): DocumentHighlight[] {
  const { line, character } = params.position;
  return documentHighlights(set, params.textDocument.uri, line, character).map((found) => ({
    range: toLspRange(found.range),
    kind: found.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
