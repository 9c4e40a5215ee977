import type { RemovedKeyword } from '../../model/catalog';
import type { Fix } from '../finding';
import { checkSectionLines, keywordRange, lineFormBit, lineOptionScan, sectionVersionIssue, wordAt, type KeywordLine } from '../keyword-lines';
import type { Rule, RuleContext, SectionRuleContext } from '../rule';

/** Removed keywords whose replacement takes the same arguments, so renaming is a complete fix. */
const SAME_ARGUMENTS: Record<string, string> = {
  nbproc: 'nbthread',
  contimeout: 'timeout connect',
  clitimeout: 'timeout client',
  srvtimeout: 'timeout server',
  redispatch: 'option redispatch',
  'option forceclose': 'option httpclose',
};

function explain(name: string, removed: RemovedKeyword | undefined, lastVersion?: string): string {
  const since = removed?.removedIn ? ` (removed in HAProxy ${removed.removedIn})` : lastVersion ? ` (last in HAProxy ${lastVersion})` : '';
  const instead = removed?.replacements.length ? `; use ${removed.replacements.map((r) => `'${r}'`).join(' or ')} instead` : '';
  return `'${name}' is no longer supported${since}${instead}${removed?.note ? `. ${removed.note}` : ''}`;
}

function renameFix(line: KeywordLine, name: string): Fix[] {
  const replacement = SAME_ARGUMENTS[name];
  return replacement ? [{ title: `Replace '${name}' with '${replacement}'`, edits: [{ range: keywordRange(line), newText: replacement }], preferred: true }] : [];
}

function checkLine(line: KeywordLine, _context: SectionRuleContext, report: RuleContext['report']): void {
  const { resolved } = line;
  if (resolved.status === 'removed') {
    const name = resolved.removed?.name ?? resolved.keyword?.name ?? line.words[0];
    report({ message: explain(name, resolved.removed, resolved.keyword?.versions.at(-1)), range: keywordRange(line), fixes: renameFix(line, name) });
  } else if (resolved.action?.status === 'removed') {
    report({ message: explain(resolved.action.name, undefined, resolved.action.entry?.versions.at(-1)), range: wordAt(line, resolved.action.index).range });
  }
  const options = resolved.status === 'ok' ? lineOptionScan(line) : undefined;
  if (!options) return;
  for (const option of options.options) {
    if (option.status !== 'removed') continue;
    const word = wordAt(line, options.start + option.index);
    report({ message: explain(option.name, option.removed, option.entry?.versions.at(-1)), range: word.range });
  }
}

const CLEAN = lineFormBit();

/** A keyword, action or bind option that the target version no longer accepts; names its replacement. */
export const removedKeywordRule: Rule = {
  name: 'removed-keyword',
  defaultSeverity: 'error',
  description: 'A keyword the target HAProxy version no longer accepts.',
  checkSection(context) {
    const { section, version, report } = context;
    const address = section.type === 'listen' || section.type === 'frontend' ? section.headerArgs[1] : undefined;
    if (address && address.value !== 'from') {
      const header = section.headerRange;
      report({
        message: `A listening address on the '${section.type}' line is no longer supported; declare it with a 'bind' line`,
        range: address.range,
        fixes: [
          {
            title: `Move '${address.value}' to a 'bind' line`,
            edits: [
              { range: { start: section.headerArgs[0].range.end, end: header.end }, newText: '' },
              { range: { start: header.end, end: header.end }, newText: `\n    bind ${address.raw}` },
            ],
            preferred: true,
          },
        ],
      });
    }
    const issue = sectionVersionIssue(section, version);
    if (issue?.status === 'removed') report({ message: explain(issue.entry.name, undefined, issue.entry.versions.at(-1)), range: section.keyword.range });
    checkSectionLines(context, CLEAN, checkLine);
  },
};
