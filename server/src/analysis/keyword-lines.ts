import { addedIn, getKeyword, isKnownIn, resolveDirective, type KeywordEntry, type ResolvedDirective } from '../model/catalog';
import type { ConfigModel } from '../model/config-model';
import type { Directive, SampleExpression, Section, Word } from '../syntax/ast';
import { detached } from '../syntax/detached';
import { parseLogFormat, parseSampleExpression } from '../syntax/sample-expression';
import { isGuardActive } from './guards';
import { compareVersions, type HaproxyVersion } from './version';

/** A configuration line with the catalog keyword it is, for the target version. */
export interface KeywordLine {
  section: Section;
  directive: Directive;
  /** Their values, as HAProxy reads them. */
  words: string[];
  resolved: ResolvedDirective;
}

/**
 * Resolutions by section, version and words: a resolution is a pure function of them (and read-only), and in
 * an editor most lines are unchanged from one version of the text to the next. Bounded so it cannot grow forever.
 */
const resolutions = new Map<string, ResolvedDirective>();
const MAX_RESOLUTIONS = 200_000;

function resolveCached(section: string, words: string[], version: HaproxyVersion): ResolvedDirective {
  const key = `${section}\0${version}\0${words.join('\0')}`;
  let resolved = resolutions.get(key);
  if (!resolved) {
    if (resolutions.size >= MAX_RESOLUTIONS) resolutions.clear();
    // Kept across versions: copies of the words, so that the entry does not keep the version it came from alive.
    resolved = resolveDirective(section, words.map(detached), version);
    resolutions.set(key, resolved);
  }
  return resolved;
}

const sectionLines = new WeakMap<Section, { version: HaproxyVersion; lines: KeywordLine[] }>();

/**
 * Resolves the lines of one section that HAProxy of `version` reads (lines in `.if` branches it skips are left
 * out; none when the version does not have the section) against the keyword catalog. Kept per section, so a
 * section an edit did not touch is not resolved again.
 */
export function sectionKeywordLines(section: Section, version: HaproxyVersion): KeywordLine[] {
  const cached = sectionLines.get(section);
  if (cached?.version === version) return cached.lines;
  const lines: KeywordLine[] = [];
  if (isGuardActive(section.guard, section.headerRange, version) && sectionKnownIn(section, version)) {
    for (const directive of section.directives) {
      if (directive.guard && !isGuardActive(directive.guard, directive.range, version)) continue;
      const words = directive.prefix ? [directive.prefix.value, directive.keyword.value] : [directive.keyword.value];
      for (const arg of directive.args) words.push(arg.value);
      lines.push({ section, directive, words, resolved: resolveCached(section.type, words, version) });
    }
  }
  sectionLines.set(section, { version, lines });
  return lines;
}

/** False for a section the target version does not have: its lines are reported once, on the header. */
function sectionKnownIn(section: Section, version: HaproxyVersion): boolean {
  const entry = getKeyword('section', section.type);
  return !entry || isKnownIn(entry, version);
}

/** The word of a line at an index of `KeywordLine.words` (prefix, keyword, then the arguments). */
export function wordAt(line: KeywordLine, index: number): Word {
  const { prefix, keyword, args } = line.directive;
  if (prefix) return index === 0 ? prefix : index === 1 ? keyword : args[index - 2];
  return index === 0 ? keyword : args[index - 1];
}

/** The range covering words `from` to `to - 1` of a line. */
export function wordsRange(line: KeywordLine, from: number, to: number) {
  const first = wordAt(line, from) ?? line.directive.keyword;
  const last = wordAt(line, Math.max(from, to - 1)) ?? first;
  return { start: first.range.start, end: last.range.end };
}

/** The range of the keyword itself (prefix included). */
export function keywordRange(line: KeywordLine) {
  return wordsRange(line, 0, Math.max(1, line.resolved.consumed));
}

const runtimeKeywords = new WeakMap<ConfigModel, { modules: boolean; lua: boolean }>();

/** True when the config loads modules or Lua scripts that may register keywords at run time (read from global sections). */
export function loadsRuntimeKeywords(model: ConfigModel): { modules: boolean; lua: boolean } {
  const cached = runtimeKeywords.get(model);
  if (cached) return cached;
  let modules = false;
  let lua = false;
  for (const section of model.file.sections) {
    if (section.type !== 'global') continue;
    for (const directive of section.directives) {
      const name = directive.keyword.value;
      if (name === 'module-load' || name === 'module-path') modules = true;
      if (name === 'lua-load' || name === 'lua-load-per-thread' || name === 'lua-prepend-path') lua = true;
    }
  }
  const found = { modules, lua };
  runtimeKeywords.set(model, found);
  return found;
}

/** A sample expression found on a line, and whether it is an ACL criterion (which may be an ACL derivative). */
export interface LineExpression {
  expression: SampleExpression;
  acl: boolean;
}

const EXPRESSION_ACTIONS = /^(?:track-sc\d+|set-var|sc-set-gpt\d*)$/;

/** Every sample expression of a line: ACL criteria, anonymous ACLs, `%[...]`, rule keys and variable values. */
export function lineExpressions(line: KeywordLine): LineExpression[] {
  const found: LineExpression[] = [];
  const { directive, resolved } = line;
  const args = directive.args;
  if (directive.keyword.value === 'acl' && args[1]) found.push({ expression: parseSampleExpression(args[1]), acl: true });
  for (const group of directive.condition?.groups ?? []) {
    for (const term of group) {
      if (term.kind === 'anonymous-acl' && term.criterion) found.push({ expression: term.criterion.expression, acl: true });
    }
  }
  for (const word of args) {
    if (!word.raw.includes('%[')) continue;
    for (const part of parseLogFormat(word).parts) if (part.kind === 'lf-sample') found.push({ expression: part.expression, acl: false });
  }
  const action = resolved.action;
  if (action?.status === 'ok' && EXPRESSION_ACTIONS.test(action.name)) {
    const key = wordAt(line, action.index + 1);
    if (key && !key.raw.includes('%[')) found.push({ expression: parseSampleExpression(key), acl: false });
  }
  if (directive.keyword.value === 'stick' && args[1] && /^(?:on|match|store-request|store-response)$/.test(args[0].value)) {
    found.push({ expression: parseSampleExpression(args[1]), acl: false });
  }
  return found;
}

/** Whether the target version lacks a section's keyword: `newer` (like `crt-store` before 3.0) or `removed`. */
export function sectionVersionIssue(section: Section, version: HaproxyVersion): { entry: KeywordEntry; status: 'newer' | 'removed' } | undefined {
  const entry = getKeyword('section', section.type);
  if (!entry || sectionKnownIn(section, version) || !isGuardActive(section.guard, section.headerRange, version)) return undefined;
  const first = addedIn(entry);
  return { entry, status: first && compareVersions(version, first) < 0 ? 'newer' : 'removed' };
}
