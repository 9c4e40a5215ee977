import { checkSectionLines, keywordRange, lineFormBit, wordAt, type KeywordLine } from '../keyword-lines';
import type { Rule, RuleContext, SectionRuleContext } from '../rule';

function checkLine(line: KeywordLine, _context: SectionRuleContext, report: RuleContext['report']): void {
  const { resolved } = line;
  if (resolved.status === 'not-allowed' && resolved.keyword) {
    const places = resolved.allowedIn?.length ? ` (it belongs in: ${resolved.allowedIn.join(', ')})` : '';
    const ignored = resolved.haproxyReaction === 'warning';
    report({
      severity: ignored ? 'warning' : undefined,
      message: `'${resolved.keyword.name}' is not allowed in a ${line.section.type} section${places}${ignored ? '; HAProxy ignores it here' : ''}`,
      range: keywordRange(line),
    });
  } else if (resolved.action?.status === 'not-allowed' && resolved.ruleSet) {
    report({
      message: `'${resolved.action.name}' is not an action of '${resolved.ruleSet}'`,
      range: wordAt(line, resolved.action.index).range,
    });
  }
}

const CLEAN = lineFormBit();

/** A known keyword written in a section (or an action in a rule set) that does not take it. */
export const keywordNotAllowedRule: Rule = {
  name: 'keyword-not-allowed',
  defaultSeverity: 'error',
  description: 'A known keyword in a section, or an action in a rule set, that does not accept it.',
  checkSection(context) {
    checkSectionLines(context, CLEAN, checkLine);
  },
};
