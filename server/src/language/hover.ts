import { getKeyword, type KeywordEntry, type RuleSet } from '../model/catalog';
import type { Range, Word } from '../syntax/ast';
import { atColumn, shift, spanRanges } from '../syntax/positions';
import { parseSampleExpression } from '../syntax/sample-expression';
import { aclWordRoles, conditionParts } from './acl-words';
import { keywordMarkdown } from './keyword-docs';
import { expressionWordIndexes, lineStructure, optionsOf, scannedOptions, type LanguageDocument, type LineStructure } from './line-structure';
import { wordIndexAt } from './line-words';
import { inlineCode } from './markdown';
import { callAtColumn, fetchEntryNamed, logFormatPartAt } from './sample-calls';
import { aclMarkdown, symbolMarkdown } from './symbol-docs';
import { symbolAt } from './symbol-index';

/** What hover shows: Markdown and the range of text it describes. */
export interface HoverResult {
  markdown: string;
  range: Range;
}

function keywordHover(entry: KeywordEntry | undefined, s: LineStructure, range: Range, ruleSet?: RuleSet): HoverResult | undefined {
  if (!entry) return undefined;
  return { markdown: keywordMarkdown(entry, s.version, ruleSet ? { ruleSet } : {}), range };
}

function columnOffset(word: Word, column: number): number {
  return word.range.start.offset + (column - word.range.start.column);
}

function symbolHover(s: LineStructure, word: Word, column: number): HoverResult | undefined {
  const site = symbolAt(s.doc.model, columnOffset(word, column));
  if (!site) return undefined;
  const markdown = symbolMarkdown(s.doc.model, site);
  return markdown ? { markdown, range: site.range } : undefined;
}

/** A fetch or converter name inside a sample expression, else a name in its arguments (`http_auth(users)`). */
function sampleHover(s: LineStructure, word: Word, column: number, acl: boolean): HoverResult | undefined {
  const expression = parseSampleExpression(word);
  const found = callAtColumn(expression, column);
  if (found) {
    const entry = found.fetch ? fetchEntryNamed(found.call.name, acl) : getKeyword('converter', found.call.name);
    return keywordHover(entry, s, found.call.nameRange);
  }
  return symbolHover(s, word, column);
}

function logFormatHover(s: LineStructure, word: Word, column: number): HoverResult | undefined {
  const part = logFormatPartAt(word, column);
  if (!part) return undefined;
  if (part.kind === 'lf-var') return keywordHover(getKeyword('log-format-var', `%${part.name}`), s, part.range);
  const found = callAtColumn(part.expression, column);
  if (!found) return symbolHover(s, word, column);
  const entry = found.fetch ? fetchEntryNamed(found.call.name, false) : getKeyword('converter', found.call.name);
  return keywordHover(entry, s, found.call.nameRange);
}

/** Words after an ACL criterion: flags, match methods after `-m`, operators. */
function aclTailHover(s: LineStructure, criterion: number, end: number, index: number): HoverResult | undefined {
  const roles = aclWordRoles(s.values, criterion + 1, end);
  const role = roles[index - criterion - 1];
  const word = s.words[index];
  if (role === 'flag') return keywordHover(getKeyword('acl-flag', word.value), s, word.range);
  if (role === 'operator') return keywordHover(getKeyword('acl-operator', word.value), s, word.range);
  if (role === 'flag-arg' && s.values[index - 1] === '-m') return keywordHover(getKeyword('acl-match-method', word.value), s, word.range);
  return undefined;
}

function conditionHover(s: LineStructure, index: number, column: number): HoverResult | undefined {
  for (const part of conditionParts(s.words, s.line.roles, s.conditionAt + 1)) {
    if (part.kind === 'acl-name') {
      if (part.index !== index) continue;
      const word = part.word;
      const range = { start: shift(word.range.start, part.bangs), end: word.range.end };
      const defined = aclMarkdown(s.doc.model, part.name, s.proxy);
      if (defined) return { markdown: defined, range };
      const predefined = getKeyword('predefined-acl', part.name);
      if (predefined) return keywordHover(predefined, s, range);
      return { markdown: `ACL ${inlineCode(part.name)} is not defined in this ${s.section?.type ?? 'section'}.`, range };
    }
    const end = part.close ?? s.words.length;
    if (index <= part.open || index > end || part.criterion === undefined) continue;
    if (index === part.criterion) return sampleHover(s, s.words[index], column, true);
    if (index < end) return aclTailHover(s, part.criterion, end, index) ?? symbolHover(s, s.words[index], column);
  }
  return undefined;
}

function headerHover(s: LineStructure, index: number, column: number): HoverResult | undefined {
  const section = s.section!;
  if (index === 0) return keywordHover(getKeyword('section', section.type), s, section.keyword.range);
  return symbolHover(s, s.words[index], column);
}

function notAllowedNote(s: LineStructure): string {
  const resolved = s.resolved!;
  if (resolved.status !== 'not-allowed') return '';
  const places = resolved.allowedIn?.length ? ` It belongs in ${resolved.allowedIn.map(inlineCode).join(', ')}.` : '';
  return `\n\n**Not allowed in a ${inlineCode(s.sectionType ?? '')} section.**${places}`;
}

function directiveHover(s: LineStructure, index: number, column: number): HoverResult | undefined {
  const resolved = s.resolved;
  const word = s.words[index];
  if (index > s.conditionAt) return conditionHover(s, index, column);
  if (index === s.conditionAt) return undefined;
  if (word.raw.includes('%')) {
    const found = logFormatHover(s, word, column);
    if (found) return found;
  }
  if (!resolved) return undefined;
  const keyword = resolved.keyword;
  if (keyword && index < resolved.consumed) {
    const range = spanRanges(s.words[0].range, s.words[resolved.consumed - 1].range);
    const markdown = keywordMarkdown(keyword, s.version, resolved.removed ? { removed: resolved.removed } : {}) + notAllowedNote(s);
    return { markdown, range };
  }
  const action = resolved.action;
  if (resolved.ruleSet && action && index === action.index) {
    const nameEnd = word.range.start.column + action.name.length;
    const range = { start: word.range.start, end: atColumn(word.range.start, nameEnd) };
    return keywordHover(action.entry, s, range, resolved.ruleSet);
  }
  const keywordName = keyword?.name;
  if (keywordName === 'acl') {
    const criterion = s.prefix + 2;
    if (index === criterion) return sampleHover(s, word, column, true);
    if (index > criterion) return aclTailHover(s, criterion, s.conditionAt, index) ?? symbolHover(s, word, column);
  }
  const options = optionsOf(s);
  if (options && index >= options.start) {
    const option = scannedOptions(s, options).find((o) => o.index === index || o.values.includes(index));
    if (option?.entry) {
      const first = s.words[option.index];
      const last = s.words[option.index + option.entry.words.length - 1] ?? first;
      if (index === option.index || index < option.index + option.entry.words.length) return keywordHover(option.entry, s, spanRanges(first.range, last.range));
      return symbolHover(s, word, column) ?? keywordHover(option.entry, s, spanRanges(first.range, last.range));
    }
  }
  if (expressionWordIndexes(s).includes(index)) return sampleHover(s, word, column, false);
  return symbolHover(s, word, column);
}

/**
 * Hover for a position: keyword documentation (section keywords, directives, actions, bind and server
 * options, fetches, converters, ACL flags and match methods, log-format variables) or, on a name, where it
 * is defined and what it is. Undefined on blanks, comments and plain values.
 */
export function hoverAt(doc: LanguageDocument, line: number, column: number): HoverResult | undefined {
  const s = lineStructure(doc, line);
  if (!s) return undefined;
  if (s.line.commentColumn !== undefined && column >= s.line.commentColumn) return undefined;
  const index = wordIndexAt(s.words, column);
  if (index < 0) return undefined;
  if (s.header) return headerHover(s, index, column);
  return directiveHover(s, index, column);
}
