import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { ConfigModel } from '../model/config-model';
import { semanticSpans, type SpanKind } from '../model/semantic-spans';

const TOKEN_TYPES = ['variable', 'class', 'property', 'function', 'macro', 'namespace'] as const;
const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_OF: Record<SpanKind, (typeof TOKEN_TYPES)[number]> = {
  acl: 'variable',
  backend: 'class',
  server: 'property',
  fetch: 'function',
  converter: 'function',
  env: 'macro',
  'section-name': 'namespace',
};

/** Semantic tokens for a whole document, in the encoding of the LSP. */
export function semanticTokens(model: ConfigModel): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const span of semanticSpans(model)) {
    if (span.range.start.line !== span.range.end.line) continue;
    let modifiers = 0;
    if (span.declaration) modifiers |= 1;
    if (span.kind === 'fetch' || span.kind === 'converter') modifiers |= 2;
    builder.push(span.range.start.line, span.range.start.column, span.range.end.column - span.range.start.column, TOKEN_TYPES.indexOf(TYPE_OF[span.kind]), modifiers);
  }
  return builder.build();
}
