import { closestNames, ruleSetActions, suggestKeywords } from '../../model/catalog';
import type { Fix } from '../finding';
import { checkSectionLines, keywordRange, lineFormBit, loadsRuntimeKeywords, wordAt, type KeywordLine } from '../keyword-lines';
import type { Rule, RuleContext, SectionRuleContext } from '../rule';

function replaceFixes(suggestions: string[], range: Fix['edits'][number]['range']): Fix[] {
  return suggestions.map((suggestion, i) => ({ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: i === 0 }));
}

function checkLine(line: KeywordLine, { model, version }: SectionRuleContext, report: RuleContext['report']): void {
  const { resolved } = line;
  if (resolved.status === 'unknown') {
    const written = line.words.slice(0, Math.max(1, resolved.consumed)).join(' ');
    const suggestions = suggestKeywords(line.section.type as Parameters<typeof suggestKeywords>[0], line.words, version);
    if (loadsRuntimeKeywords(model).modules) {
      report({ severity: 'hint', message: `'${written}' is not a keyword of HAProxy ${version}; it may come from a module loaded with module-load`, range: keywordRange(line) });
      return;
    }
    const hint = suggestions.length ? `; did you mean '${suggestions[0]}'?` : '';
    report({
      message: `Unknown keyword '${written}' in ${line.section.type} section${hint}`,
      range: keywordRange(line),
      fixes: replaceFixes(suggestions, keywordRange(line)),
    });
  } else if (resolved.action?.status === 'unknown' && resolved.ruleSet) {
    const word = wordAt(line, resolved.action.index);
    const names = ruleSetActions(resolved.ruleSet, version).map((a) => a.name);
    const suggestions = closestNames(resolved.action.name, names);
    const hint = suggestions.length ? `; did you mean '${suggestions[0]}'?` : '';
    report({
      message: `Unknown '${resolved.ruleSet}' action '${resolved.action.name}'${hint}`,
      range: word.range,
      fixes: word.value === resolved.action.name ? replaceFixes(suggestions, word.range) : [],
    });
  }
}

const CLEAN = lineFormBit();

/** A line whose keyword, or rule action, no HAProxy version knows; suggests the nearest keyword. */
export const unknownKeywordRule: Rule = {
  name: 'unknown-keyword',
  defaultSeverity: 'error',
  description: 'No HAProxy version knows this keyword or action.',
  check({ model, report }) {
    for (const orphan of model.file.orphans) {
      report({ message: `'${orphan.keyword.value}' is outside any section: start a section (global, defaults, frontend...) first`, range: orphan.keyword.range });
    }
  },
  fileFacts: ({ model }) => (loadsRuntimeKeywords(model).modules ? 'modules' : ''),
  checkSection(context) {
    checkSectionLines(context, CLEAN, checkLine);
  },
};
