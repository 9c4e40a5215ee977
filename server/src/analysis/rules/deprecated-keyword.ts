import { isDeprecatedIn } from '../../model/catalog';
import { checkSectionLines, keywordRange, lineFormBit, wordAt, type KeywordLine } from '../keyword-lines';
import type { Rule, RuleContext, SectionRuleContext } from '../rule';

function checkLine(line: KeywordLine, { version }: SectionRuleContext, report: RuleContext['report']): void {
  const { resolved } = line;
  if (resolved.status !== 'ok' || !resolved.keyword) return;
  if (isDeprecatedIn(resolved.keyword, version) && !resolved.keyword.deprecatedSyntax) {
    const since = resolved.keyword.deprecatedSince ? ` since HAProxy ${resolved.keyword.deprecatedSince}` : '';
    report({ message: `'${resolved.keyword.name}' is deprecated${since} and may be removed in a later version`, range: keywordRange(line) });
  }
  const action = resolved.action;
  if (action?.status === 'ok' && action.entry && isDeprecatedIn(action.entry, version)) {
    report({ message: `Action '${action.name}' is deprecated and may be removed in a later version`, range: wordAt(line, action.index).range });
  }
}

const CLEAN = lineFormBit();

/** A keyword or action the manual of the target version marks as deprecated. */
export const deprecatedKeywordRule: Rule = {
  name: 'deprecated-keyword',
  defaultSeverity: 'warning',
  description: 'A keyword the target HAProxy version marks as deprecated.',
  checkSection(context) {
    checkSectionLines(context, CLEAN, checkLine);
  },
};
