import { addedIn, getKeyword, isKnownIn, lineOptions, resolveDirective, scanOptions, type KeywordEntry, type LineOptions, type ResolvedDirective, type ScannedOption } from '../model/catalog';
import type { ConfigModel } from '../model/config-model';
import type { ConfigFile, Directive, SampleExpression, Section, Word } from '../syntax/ast';
import { detached } from '../syntax/detached';
import { startOf, WordNode } from '../syntax/word-node';
import { parseLogFormat, parseSampleExpression } from '../syntax/sample-expression';
import { isGuardActive } from './guards';
import type { RuleContext, SectionRuleContext } from './rule';
import { compareVersions, type HaproxyVersion } from './version';

/**
 * What the lines written the same way share, in one section type for one target version: their words, their
 * resolution, and which rules found nothing on them. All of it is a pure function of the line's text (and read-only
 * but for `clean`), and in a large config most lines repeat others.
 */
export interface LineForm {
  /** The values of the prefix, keyword and arguments, as HAProxy reads them (the condition is left out). */
  readonly words: string[];
  readonly version: HaproxyVersion;
  readonly resolved: ResolvedDirective;
  /** The rules (by their bit, see `lineFormBit`) that found nothing on a line of this form. */
  clean: number;
  /** The line's bind or server options as read, once asked for (null: the line has none). */
  options?: LineOptionScan | null;
}

/** The bind or server options of a line, as the target version reads them. */
export interface LineOptionScan {
  kind: LineOptions['kind'];
  /** Index in the line's words of the first option word. */
  start: number;
  options: readonly ScannedOption[];
}

/** A configuration line with the catalog keyword it is, for the target version. */
export interface KeywordLine {
  section: Section;
  directive: Directive;
  /** Their values, as HAProxy reads them (shared by the lines of a form: read-only). */
  words: string[];
  resolved: ResolvedDirective;
  form: LineForm;
}

let bits = 0;

/**
 * A bit of `LineForm.clean` for a rule whose findings on a line depend on the line's text alone (and on the section
 * type and target version): once a line of a form gave nothing, the rule can skip the other lines of that form.
 */
export function lineFormBit(): number {
  if (bits >= 30) throw new Error('too many line form bits');
  return 1 << bits++;
}

/**
 * Forms by section type and version, then by the text of the line (from its first word to its end). Kept
 * across versions of the text, so bounded; keys are copies, so that they do not keep the text they came from alive.
 */
const forms = new Map<string, Map<string, LineForm>>();
let formCount = 0;
const MAX_FORMS = 100_000;

function formsOf(type: string, version: HaproxyVersion): Map<string, LineForm> {
  const key = type + '\0' + version;
  let map = forms.get(key);
  if (!map) forms.set(key, (map = new Map()));
  return map;
}

/** The text of a directive's line from its first word to the line break (its trailing comment included). */
function lineText(text: string, directive: Directive): string {
  const first = directive.prefix ?? directive.keyword;
  // Read from the word's anchor when it has one: a position object a line is not worth making.
  const start = first instanceof WordNode ? first.anchor.offset + first.column : startOf(first).offset;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

function lineForm(text: string, byText: Map<string, LineForm>, type: string, directive: Directive, version: HaproxyVersion): LineForm {
  const key = lineText(text, directive);
  let form = byText.get(key);
  if (form) return form;
  if (formCount >= MAX_FORMS) {
    for (const map of forms.values()) map.clear();
    formCount = 0;
  }
  const prefix = directive.prefix;
  const args = directive.args;
  const words: string[] = prefix ? [detached(prefix.value), detached(directive.keyword.value)] : [detached(directive.keyword.value)];
  for (let i = 0; i < args.length; i++) words.push(detached(args[i].value));
  form = { words, version, resolved: resolveDirective(type, words, version), clean: 0 };
  byText.set(detached(key), form);
  formCount++;
  return form;
}

/** The lines of a section that the target version reads, and their forms (at the same indices). */
interface SectionLines {
  section: Section;
  version: HaproxyVersion;
  directives: readonly Directive[];
  forms: readonly LineForm[];
}

// The line rules check a section one after the other: the lines of the last section asked for are kept. (A section an
// edit did not touch is not checked again at all: the lint keeps its findings.)
let last: SectionLines | undefined;
const NOTHING: readonly never[] = [];

function isRead(directive: Directive, version: HaproxyVersion): boolean {
  return !directive.guard || isGuardActive(directive.guard, directive.range, version);
}

/**
 * The lines of one section that HAProxy of `version` reads (lines in `.if` branches it skips are left out; none when
 * the version does not have the section), with their forms. `file` is the file the section was read from.
 */
function linesOf(file: ConfigFile, section: Section, version: HaproxyVersion): SectionLines {
  if (last?.section === section && last.version === version) return last;
  let directives: readonly Directive[] = NOTHING;
  let forms: LineForm[] = NOTHING as never[];
  const all = section.directives;
  if (all.length > 0 && (!section.guard || isGuardActive(section.guard, section.headerRange, version)) && sectionKnownIn(section, version)) {
    directives = all;
    for (let i = 0; i < all.length; i++) {
      if (isRead(all[i], version)) continue;
      directives = all.filter((directive) => isRead(directive, version));
      break;
    }
    forms = new Array<LineForm>(directives.length);
    const text = file.text;
    const byText = formsOf(section.type, version);
    for (let i = 0; i < directives.length; i++) forms[i] = lineForm(text, byText, section.type, directives[i], version);
  }
  return (last = { section, version, directives, forms });
}

type Report = RuleContext['report'];

/** A rule's check of one line: what it reports must depend on the line's text alone (see `lineFormBit`). */
export type LineCheck = (line: KeywordLine, context: SectionRuleContext, report: Report) => void;

/** A rule context's report function that counts what it reports. */
interface CountingReport {
  count: number;
  report: Report;
}

// A lint gives each rule one context for all sections: its counting report is made once.
const counting = new WeakMap<SectionRuleContext, CountingReport>();

function countingReport(context: SectionRuleContext): CountingReport {
  let counter = counting.get(context);
  if (!counter) {
    const made: CountingReport = {
      count: 0,
      report: (finding) => {
        made.count++;
        context.report(finding);
      },
    };
    counting.set(context, (counter = made));
  }
  return counter;
}

/**
 * Runs a rule's check of single lines on the lines of the context's section that HAProxy of the target version
 * reads, skipping the lines of a form on which it found nothing before.
 */
export function checkSectionLines(context: SectionRuleContext, bit: number, check: LineCheck): void {
  const section = context.section;
  const { directives, forms } = linesOf(context.file, section, context.version);
  let counter: CountingReport | undefined;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    if (form.clean & bit) continue;
    counter ??= countingReport(context);
    const before = counter.count;
    check({ section, directive: directives[i], words: form.words, resolved: form.resolved, form }, context, counter.report);
    if (counter.count === before) form.clean |= bit;
  }
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

/** The bind or server options of a line (`bind`, `server`, `default-server`...), read once per form. */
export function lineOptionScan(line: KeywordLine): LineOptionScan | undefined {
  const form = line.form;
  if (form.options === undefined) {
    const options = lineOptions(form.words);
    form.options = options ? { kind: options.kind, start: options.start, options: scanOptions(options.kind, form.words.slice(options.start), form.version) } : null;
  }
  return form.options ?? undefined;
}

/** A sample expression found on a line, and whether it is an ACL criterion (which may be an ACL derivative). */
export interface LineExpression {
  expression: SampleExpression;
  acl: boolean;
}

const EXPRESSION_ACTIONS = /^(?:track-sc\d+|set-var|sc-set-gpt\d*)$/;

// The rules checking a line ask for its expressions one after the other: the last line's are kept.
let lastExpressions: { directive: Directive; found: LineExpression[] } | undefined;

/** Every sample expression of a line: ACL criteria, anonymous ACLs, `%[...]`, rule keys and variable values. */
export function lineExpressions(line: KeywordLine): LineExpression[] {
  const { directive, resolved } = line;
  if (lastExpressions?.directive === directive) return lastExpressions.found;
  const found: LineExpression[] = [];
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
  lastExpressions = { directive, found };
  return found;
}

/** Whether the target version lacks a section's keyword: `newer` (like `crt-store` before 3.0) or `removed`. */
export function sectionVersionIssue(section: Section, version: HaproxyVersion): { entry: KeywordEntry; status: 'newer' | 'removed' } | undefined {
  const entry = getKeyword('section', section.type);
  if (!entry || sectionKnownIn(section, version) || !isGuardActive(section.guard, section.headerRange, version)) return undefined;
  const first = addedIn(entry);
  return { entry, status: first && compareVersions(version, first) < 0 ? 'newer' : 'removed' };
}
