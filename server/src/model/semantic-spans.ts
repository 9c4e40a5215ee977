import type { Range, SampleExpression, Word } from '../syntax/ast';
import { parseLogFormat } from '../syntax/sample-expression';
import type { ConfigModel } from './config-model';

/** What a name is, where a grammar cannot tell from the text alone. */
export type SpanKind = 'acl' | 'backend' | 'server' | 'fetch' | 'converter' | 'env' | 'section-name';

export interface SemanticSpan {
  range: Range;
  kind: SpanKind;
  /** True at the place the name is defined. */
  declaration: boolean;
}

/**
 * Classifies the names of a config by meaning: ACL names where defined and used, backend and server names,
 * fetches and converters in ACL criteria and `%[...]` expressions, environment variables. Sorted by position.
 */
export function semanticSpans(model: ConfigModel): SemanticSpan[] {
  const spans: SemanticSpan[] = [];
  const add = (range: Range, kind: SpanKind, declaration = false) => spans.push({ range, kind, declaration });
  const addExpression = (expression: SampleExpression) => {
    if (expression.fetch?.name) add(expression.fetch.nameRange, 'fetch');
    for (const converter of expression.converters) if (converter.name) add(converter.nameRange, 'converter');
  };
  const addWord = (word: Word) => {
    for (const ref of word.envVars) add(ref.range, 'env');
    if (word.raw.includes('%[')) {
      for (const part of parseLogFormat(word).parts) if (part.kind === 'lf-sample') addExpression(part.expression);
    }
  };

  for (const section of model.file.sections) {
    if (section.name) add(section.name.range, 'section-name', true);
    for (const directive of section.directives) {
      for (const word of directive.args) addWord(word);
      for (const group of directive.condition?.groups ?? []) {
        for (const term of group) {
          if (term.kind === 'acl-ref') add(term.nameRange, 'acl');
          else if (term.criterion) addExpression(term.criterion.expression);
        }
      }
    }
  }
  for (const proxy of model.proxies) {
    for (const acls of proxy.acls.values()) {
      for (const acl of acls) {
        add(acl.nameWord.range, 'acl', true);
        if (acl.criterion) addExpression(acl.criterion.expression);
      }
    }
    for (const server of proxy.servers) if (!server.isDefault) add(server.nameWord.range, 'server', true);
  }
  for (const reference of model.references) {
    if (reference.dynamic) continue;
    if (reference.kind === 'backend') add(reference.range, 'backend');
    if (reference.kind === 'server') add(reference.range, 'server');
  }
  spans.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return spans.filter((span, i) => i === 0 || span.range.start.offset >= spans[i - 1].range.end.offset);
}
