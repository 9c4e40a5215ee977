import {
  argumentShapes,
  argumentValues,
  closestNames,
  keywordsOfKind,
  matchShape,
  optionKeywords,
  parseTime,
  type ArgumentValues,
  type KeywordEntry,
} from '../../model/catalog';
import type { Word } from '../../syntax/ast';
import { checkSectionLines, keywordRange, lineExpressions, lineFormBit, lineOptionScan, wordAt, type KeywordLine } from '../keyword-lines';
import type { RuleContext, Rule, SectionRuleContext } from '../rule';
import { converterEntry, fetchEntry, isRuntimeName } from '../sample-names';
import type { HaproxyVersion } from '../version';

type Report = RuleContext['report'];

const isDynamic = (text: string) => text.includes('$') || text.includes('%[');

// The values a keyword or option takes, for the target version (asked for by every first line of a form).
const valueSpecs = new WeakMap<KeywordEntry, { version: HaproxyVersion; specs: readonly ArgumentValues[] }>();

function valuesOf(entry: KeywordEntry, version: HaproxyVersion): readonly ArgumentValues[] {
  let kept = valueSpecs.get(entry);
  if (kept?.version !== version) valueSpecs.set(entry, (kept = { version, specs: argumentValues(entry.kind, entry.name, version) }));
  return kept.specs;
}

function checkEnumValues(line: KeywordLine, entry: KeywordEntry, firstArg: number, version: HaproxyVersion, report: Report): void {
  const specs = valuesOf(entry, version);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    if (spec.position === 'each' || spec.open) continue;
    const word = wordAt(line, firstArg + spec.position);
    if (word && !isDynamic(word.raw)) checkValue(word, spec, `'${entry.name}'`, report);
  }
}

function checkValue(word: Word, spec: ArgumentValues, owner: string, report: Report): void {
  const allowed = spec.values.map((v) => v.value);
  const text = word.value;
  const items = spec.commaList ? text.split(',') : [text];
  for (const item of items) {
    const name = item.replace(/\(.*$/, '');
    if (allowed.includes(name)) continue;
    const suggestion = closestNames(name, allowed, 1)[0];
    const range = word.range;
    report({
      message: `'${item}' is not a valid value for ${owner} (expected ${allowed.join(', ')})${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
      range,
      fixes: suggestion && !spec.commaList ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : [],
    });
  }
}

/** Keywords HAProxy refuses without an argument (checked against HAProxy 2.6); a bare `balance` is accepted. */
const NEEDS_ARGUMENT = /^(?:timeout .+|bind|server|default-server|default_backend|use_backend|use-server|acl|mode|maxconn|cookie|stick-table|log|errorfile|retries|hash-type|http-reuse|nbthread|user|group|errorloc30[23]?|fullconn|unique-id-format|log-format|capture (?:request|response) header|monitor-uri|stats (?:auth|uri|realm|refresh|socket))$/;

function checkRequiredArguments(line: KeywordLine, entry: KeywordEntry, version: HaproxyVersion, report: Report): void {
  if (!NEEDS_ARGUMENT.test(entry.name) || line.words.length > line.resolved.consumed || line.directive.condition) return;
  const shapes = argumentShapes(entry, version).filter((s) => !s.ruleSet || s.ruleSet === line.resolved.ruleSet);
  if (shapes.length === 0 || shapes.some((s) => !s.args.length || matchShape(s.args, []).complete)) return;
  report({ message: `'${entry.name}' needs an argument: ${shapes[0].text}`, range: keywordRange(line) });
}

function checkTimeouts(line: KeywordLine, entry: KeywordEntry, report: Report): void {
  if (!entry.name.startsWith('timeout ')) return;
  const word = wordAt(line, line.resolved.consumed);
  if (!word || isDynamic(word.raw)) return;
  const parsed = parseTime(word.value);
  if (!parsed.ok) report({ message: `Invalid time for '${entry.name}': ${parsed.reason}`, range: word.range });
}

function checkOptions(line: KeywordLine, version: HaproxyVersion, report: Report): void {
  const options = lineOptionScan(line);
  if (!options) return;
  for (const option of options.options) {
    const word = wordAt(line, options.start + option.index);
    if (!word || isDynamic(word.raw)) continue;
    const kind = options.kind === 'bind' ? 'bind' : 'server';
    if (option.status === 'unknown') {
      const suggestion = closestNames(option.name, optionKeywords(options.kind, version).map((o) => o.name), 1)[0];
      report({
        message: `Unknown ${kind} option '${option.name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
        range: word.range,
        fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ range: word.range, newText: suggestion }], preferred: true }] : [],
      });
    } else if (option.missingValue) {
      report({ message: `${kind === 'bind' ? 'Bind' : 'Server'} option '${option.name}' needs a value`, range: word.range });
    } else if (option.status === 'ok' && option.entry) {
      for (const spec of valuesOf(option.entry, version)) {
        const valueIndex = spec.position === 'each' ? undefined : option.values[spec.position];
        const valueWord = valueIndex === undefined ? undefined : wordAt(line, options.start + valueIndex);
        if (valueWord && !spec.open && !isDynamic(valueWord.raw)) checkValue(valueWord, spec, `${kind} option '${option.name}'`, report);
      }
    }
  }
}

function checkSampleNames(line: KeywordLine, report: Report): void {
  for (const { expression, acl } of lineExpressions(line)) {
    const fetch = expression.fetch;
    if (fetch?.name && !isRuntimeName(fetch.name) && !fetchEntry(fetch, acl)) {
      const names = keywordsOfKind('fetch').map((f) => f.name);
      const suggestion = closestNames(fetch.name, acl ? [...names, ...keywordsOfKind('acl-derived').map((f) => f.name)] : names, 1)[0];
      report({ message: `Unknown sample fetch '${fetch.name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, range: fetch.nameRange });
    }
    for (const converter of expression.converters) {
      if (!converter.name || isRuntimeName(converter.name) || converterEntry(converter)) continue;
      const suggestion = closestNames(converter.name, keywordsOfKind('converter').map((c) => c.name), 1)[0];
      report({ message: `Unknown converter '${converter.name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, range: converter.nameRange });
    }
    for (const error of expression.errors) report({ message: error.message, range: error.range });
  }
}

function checkLine(line: KeywordLine, { version }: SectionRuleContext, report: Report): void {
  const { resolved } = line;
  if (resolved.status !== 'ok' || !resolved.keyword) return;
  const entry = resolved.keyword;
  if (!resolved.prefixAllowed && resolved.prefix) {
    report({ message: `'${resolved.prefix}' cannot be written before '${entry.name}'`, range: wordAt(line, 0).range });
  }
  if (resolved.action?.status === 'missing') {
    report({ message: `'${entry.name}' needs an action`, range: keywordRange(line) });
    return;
  }
  checkEnumValues(line, entry, resolved.consumed, version, report);
  checkRequiredArguments(line, entry, version, report);
  checkTimeouts(line, entry, report);
  checkOptions(line, version, report);
  checkSampleNames(line, report);
}

const CLEAN = lineFormBit();

/** Arguments HAProxy rejects: bad enum values, bad times, missing arguments or actions, unknown options, fetches and converters. */
export const invalidArgumentRule: Rule = {
  name: 'invalid-argument',
  defaultSeverity: 'error',
  description: 'An argument HAProxy rejects: wrong value, missing argument, unknown option, fetch or converter.',
  checkSection(context) {
    checkSectionLines(context, CLEAN, checkLine);
  },
};
