import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { ConfigDocument } from '../analysis/config-document';
import { hoverAt } from '../language/hover';
import { toLspRange } from './convert';

/** textDocument/hover: keyword documentation or what a name under the cursor is. */
export function hoverFor(document: ConfigDocument, params: HoverParams): Hover | null {
  const found = hoverAt(document, params.position.line, params.position.character);
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toLspRange(found.range) } : null;
}
