import { addedIn, isKnownIn, type KeywordEntry } from '../../model/catalog';
import { checkSectionLines, keywordRange, lineExpressions, lineFormBit, lineOptionScan, sectionVersionIssue, wordAt, type KeywordLine } from '../keyword-lines';
import { converterEntry, fetchEntry } from '../sample-names';
import type { Rule, RuleContext, SectionRuleContext } from '../rule';
import type { HaproxyVersion } from '../version';

function message(what: string, entry: KeywordEntry | undefined, version: HaproxyVersion): string {
  const since = entry ? addedIn(entry) : undefined;
  return `${what} needs HAProxy ${since ?? 'a newer version'} or later; the target version is ${version}`;
}

function checkLine(line: KeywordLine, { version }: SectionRuleContext, report: RuleContext['report']): void {
  const { resolved } = line;
  if (resolved.status === 'newer') {
    report({ message: message(`'${resolved.keyword?.name ?? line.words[0]}'`, resolved.keyword, version), range: keywordRange(line) });
    return;
  }
  if (resolved.action?.status === 'newer') {
    report({ message: message(`Action '${resolved.action.name}'`, resolved.action.entry, version), range: wordAt(line, resolved.action.index).range });
  }
  for (const { expression, acl } of lineExpressions(line)) {
    const fetch = expression.fetch?.name ? fetchEntry(expression.fetch, acl) : undefined;
    if (fetch && !isKnownIn(fetch, version)) report({ message: message(`Fetch '${fetch.name}'`, fetch, version), range: expression.fetch.nameRange });
    for (const call of expression.converters) {
      const converter = converterEntry(call);
      if (converter && !isKnownIn(converter, version)) report({ message: message(`Converter '${converter.name}'`, converter, version), range: call.nameRange });
    }
  }
  const options = resolved.status === 'ok' ? lineOptionScan(line) : undefined;
  if (!options) return;
  for (const option of options.options) {
    if (option.status === 'newer') {
      report({ message: message(`${options.kind === 'bind' ? 'Bind' : 'Server'} option '${option.name}'`, option.entry, version), range: wordAt(line, options.start + option.index).range });
    }
  }
}

const CLEAN = lineFormBit();

/** A keyword, action or bind/server option that only versions after the target have. */
export const newerKeywordRule: Rule = {
  name: 'newer-keyword',
  defaultSeverity: 'error',
  description: 'A keyword that the target HAProxy version does not have yet.',
  checkSection(context) {
    const { section, version, report } = context;
    const issue = sectionVersionIssue(section, version);
    if (issue?.status === 'newer') report({ message: message(`Section '${issue.entry.name}'`, issue.entry, version), range: section.keyword.range });
    checkSectionLines(context, CLEAN, checkLine);
  },
};
