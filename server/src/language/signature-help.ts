import {
  argumentShapes,
  actionName,
  argumentValues,
  getKeyword,
  matchShape,
  resolveDirective,
  type ArgShape,
  type HaproxyVersion,
  type KeywordEntry,
  type SyntaxShape,
} from '../model/catalog';
import { CONDITIONAL_KEYWORDS } from '../syntax/section-keywords';
import { cutAtCursor } from './cursor-words';
import { lineStructure, type LanguageDocument } from './line-structure';
import { openSampleStart, samplePosition } from './partial-word';
import { callSyntaxEntry, fetchEntryNamed } from './sample-calls';

/** One parameter: where its text sits in the signature label, and what it takes. */
export interface ParameterInfo {
  label: [number, number];
  documentation?: string;
}

export interface SignatureInfo {
  label: string;
  documentation?: string;
  parameters: ParameterInfo[];
}

/** Signature help as plain data; `activeParameter` equals the parameter count when none applies. */
export interface SignatureHelpResult {
  signatures: SignatureInfo[];
  activeSignature: number;
  activeParameter: number;
}

function render(element: ArgShape): string {
  const more = 'repeat' in element && element.repeat ? '...' : '';
  switch (element.kind) {
    case 'literal':
      return element.text + more;
    case 'placeholder':
      return `<${element.name}>${more}`;
    case 'pattern':
      return element.text + more;
    case 'optional':
      return `[${element.options.map(renderSequence).join(' | ')}]${more ? '*' : ''}`;
    case 'choice':
      return `{${element.options.map(renderSequence).join(' | ')}}${more ? '*' : ''}`;
    case 'condition':
      return element.optional ? '[{if | unless} <condition>]' : '{if | unless} <condition>';
  }
}

function renderSequence(items: readonly ArgShape[]): string {
  return items.map(render).join(' ');
}

const TYPE_HINTS: Readonly<Record<string, string>> = {
  time: 'A duration: a number with an optional unit (us, ms, s, m, h, d); plain numbers are milliseconds.',
  size: 'A size in bytes, with an optional k, m or g suffix.',
  number: 'An integer.',
  address: 'An address: IPv4, IPv6 in brackets, a host name, or a prefix such as unix@ or ipv4@, with a port where needed.',
  file: 'A file path.',
  expression: 'A sample expression: a fetch followed by optional converters, e.g. req.hdr(host),lower.',
  format: 'A log-format string: text with %[expression] and %variables.',
  regex: 'A regular expression (PCRE when HAProxy is built with it).',
  condition: 'A condition made of ACL names, anonymous ACLs in braces, !, or and ||.',
};

function parameterDoc(entry: KeywordEntry, element: ArgShape, position: number, version: HaproxyVersion): string | undefined {
  const values = argumentValues(entry.kind, entry.name, version).find((v) => v.position === position)?.values;
  if (values?.length) return `One of: ${values.map((v) => v.value).join(', ')}.`;
  if (element.kind === 'placeholder' || element.kind === 'pattern') return TYPE_HINTS[element.type];
  if (element.kind === 'condition') return TYPE_HINTS.condition;
  return undefined;
}

/** A signature: `head <a> <b>` for keyword arguments, `head(<a>,<b>)` for call arguments; each element a parameter. */
function signatureOf(entry: KeywordEntry, head: string, elements: readonly ArgShape[], version: HaproxyVersion, call = false): SignatureInfo {
  let label = call ? `${head}(` : head;
  const parameters: ParameterInfo[] = [];
  elements.forEach((element, i) => {
    label += call ? (i > 0 ? ',' : '') : ' ';
    const start = label.length;
    label += render(element);
    const documentation = parameterDoc(entry, element, i, version);
    parameters.push({ label: [start, label.length], ...(documentation ? { documentation } : {}) });
  });
  if (call) label += ')';
  return { label, parameters, ...(entry.summary ? { documentation: entry.summary } : {}) };
}

/** Index of the parameter the next word fills, after `words` typed for this shape. */
function activeIn(shape: SyntaxShape, words: readonly string[]): { fits: boolean; parameter: number; literals: number } {
  const match = matchShape(shape.args, words);
  const fits = match.matched === words.length;
  // A form whose fixed words were typed (`balance url_param`) fits better than a generic one.
  const literals = match.bindings.filter((b) => b.element.kind === 'literal').length;
  if (match.next !== undefined) return { fits, parameter: match.next, literals };
  const last = match.bindings[match.bindings.length - 1];
  const top = last ? shape.args[last.arg] : undefined;
  const repeats = (element: ArgShape | undefined) => element !== undefined && 'repeat' in element && element.repeat === true;
  if (last && (repeats(top) || repeats(last.element))) return { fits, parameter: last.arg, literals };
  return { fits, parameter: shape.args.length, literals };
}

function keywordSignatures(entry: KeywordEntry, head: string, words: readonly string[], version: HaproxyVersion, prefix?: string): SignatureHelpResult | undefined {
  const shapes = argumentShapes(entry, version).filter((s) => (prefix === 'no' ? s.prefix === 'no' : !s.prefix));
  if (shapes.length === 0 || shapes.every((s) => s.args.length === 0 && !s.call)) return undefined;
  const signatures = shapes.map((s) => {
    const callHead = s.call ? `${head}(${s.call.map(render).join(',')})` : head;
    return signatureOf(entry, callHead, s.args, version);
  });
  const states = shapes.map((s) => activeIn(s, words));
  let active = -1;
  states.forEach((st, i) => {
    if (!st.fits || st.parameter >= shapes[i].args.length) return;
    if (active < 0 || st.literals > states[active].literals) active = i;
  });
  if (active < 0) active = Math.max(0, states.findIndex((st) => st.fits));
  return { signatures, activeSignature: active, activeParameter: states[active].parameter };
}

/**
 * The arguments of a call one per comma: `req.hdr([<name>[,<occ>]])` has two optional parameters, which the
 * syntax nests; bracketed ones are shown in brackets.
 */
function flattenCall(elements: readonly ArgShape[], optional = false): ArgShape[] {
  return elements.flatMap((element): ArgShape[] => {
    if (element.kind === 'optional' && element.options.length === 1) return flattenCall(element.options[0], true);
    return optional && element.kind !== 'optional' ? [{ kind: 'optional', options: [[element]] }] : [element];
  });
}

/** Inside `name(` of a fetch, converter or action call: that call's parameters. */
function callSignature(entry: KeywordEntry, argument: number, version: HaproxyVersion): SignatureHelpResult | undefined {
  const shapes = argumentShapes(entry, version).filter((s) => s.call);
  if (shapes.length === 0) return undefined;
  const signatures = shapes.map((s) => signatureOf(entry, entry.name, flattenCall(s.call!), version, true));
  return { signatures, activeSignature: 0, activeParameter: Math.min(argument, signatures[0].parameters.length) };
}

function sampleCallSignature(partial: string, version: HaproxyVersion): SignatureHelpResult | undefined {
  const open = openSampleStart(partial);
  const position = samplePosition(open >= 0 ? partial.slice(open) : partial);
  if (position.kind !== 'argument') return undefined;
  const entry =
    position.segment === 0
      ? callSyntaxEntry('fetch', position.name, version, fetchEntryNamed(position.name, true))
      : callSyntaxEntry('converter', position.name, version);
  return entry ? callSignature(entry, position.index, version) : undefined;
}

function countCommas(text: string): number {
  return [...text].filter((ch) => ch === ',').length;
}

/**
 * Signature help at a position: the syntax forms of the keyword (or of the action of a rule line) with
 * the parameter the cursor's word fills, or, inside the parentheses of a fetch, converter or action
 * call, the arguments of that call.
 */
export function signatureHelpAt(doc: LanguageDocument, line: number, column: number): SignatureHelpResult | undefined {
  const s = lineStructure(doc, line);
  if (!s || s.header || !s.sectionType) return undefined;
  if (s.line.commentColumn !== undefined && column > s.line.commentColumn) return undefined;
  const { index, partial, before } = cutAtCursor(s.line, column);
  const version = s.version;
  if (partial.includes('(')) {
    const sample = sampleCallSignature(partial, version);
    if (sample) return sample;
  }
  const prefix = before[0] === 'no' || before[0] === 'default' ? before[0] : undefined;
  const p = prefix ? 1 : 0;
  if (index <= p) return undefined;
  const conditional = CONDITIONAL_KEYWORDS.has(before[p] ?? '');
  const roles = s.line.roles;
  const conditionAt = conditional ? roles.findIndex((role, i) => i > p && i < index && (role === 'if' || role === 'unless')) : -1;
  const words = conditionAt > 0 ? before.slice(0, conditionAt) : before;
  const resolved = resolveDirective(s.sectionType, words, version);
  const keyword = resolved.keyword;
  if (!keyword || resolved.consumed > index) return undefined;
  const action = resolved.action;
  if (resolved.ruleSet && index === resolved.consumed && partial.includes('(')) {
    const entry = getKeyword('action', actionName(partial));
    return entry ? callSignature(entry, countCommas(partial.slice(partial.indexOf('(') + 1)), version) : undefined;
  }
  if (resolved.ruleSet && action?.entry) {
    if (index > action.index) {
      const result = keywordSignatures(action.entry, `${resolved.ruleSet} ${action.entry.name}`, words.slice(action.index + 1), version);
      if (result && conditionAt > 0) result.activeParameter = result.signatures[result.activeSignature].parameters.length;
      return result;
    }
  }
  if (resolved.ruleSet) return keywordSignatures(keyword, keyword.name, words.slice(resolved.consumed), version);
  const result = keywordSignatures(keyword, prefix === 'no' ? `no ${keyword.name}` : keyword.name, words.slice(resolved.consumed), version, prefix);
  if (result && conditionAt > 0) {
    const shape = argumentShapes(keyword, version)[result.activeSignature];
    const condition = shape?.args.findIndex((a) => a.kind === 'condition') ?? -1;
    result.activeParameter = condition >= 0 ? condition : result.signatures[result.activeSignature].parameters.length;
  }
  return result;
}
