import {
  argumentShapes,
  argumentValues,
  isValueIn,
  matchShape,
  optionKeywords,
  scanOptions,
  STICK_TABLE_DATA_TYPES,
  STICK_TABLE_TYPES,
  type EnumValue,
  type HaproxyVersion,
  type KeywordEntry,
  type OptionKind,
} from '../model/catalog';
import { optionItem, plainItem, type CompletionEntry } from './completion-items';
import { memo, type Cursor, type Offer } from './completion-cursor';
import { backendItems, NAMES_AFTER, namesOfKind } from './completion-names';
import { fileOffer, formatOffer, sampleOffer } from './completion-samples';
import { openSampleStart } from './partial-word';
import { expectedElements, type ExpectedElement } from './shape-expectations';

/** Items for enumerated values; those taking an argument insert a field for it. */
export function valueItems(values: readonly EnumValue[], version: HaproxyVersion, detail: string): CompletionEntry[] {
  return values
    .filter((v) => isValueIn(v, version))
    .map((v, i) => {
      const insert = v.argument === 'parens' ? `${v.value}(\${1})` : v.argument === 'word' ? `${v.value} \${1}` : v.value;
      return plainItem(v.value, 'value', `0${String(i).padStart(3, '0')}`, { detail, insertText: insert, snippet: insert !== v.value });
    });
}

const CONDITION_WORDS = ['if', 'unless'];

/** `if` and `unless`, offered once a line may take its condition. */
export function conditionStarters(): CompletionEntry[] {
  return CONDITION_WORDS.map((w) => plainItem(w, 'keyword', `2${w}`, { detail: `${w} <condition>`, insertText: `${w} `, retrigger: true }));
}

/** Placeholder-driven items: names, files, expressions, formats, stick-table types. */
function placeholderOffer(c: Cursor, owner: KeywordEntry, element: Extract<ExpectedElement, { kind: 'placeholder' | 'pattern' }>): Offer | undefined {
  if (element.type === 'file') return fileOffer(c, 0);
  if (element.type === 'expression') return sampleOffer(c, 0, false);
  if (element.type === 'format') return formatOffer(c);
  if (element.kind === 'placeholder') {
    if (owner.name === 'stick-table' && element.name === 'type') return { items: valueItems(STICK_TABLE_TYPES, c.version, 'stick-table key type') };
    if (owner.name === 'stick-table' && element.name === 'data_type') return { items: valueItems(STICK_TABLE_DATA_TYPES, c.version, 'stored data type') };
    if (element.name === 'backend') return { items: backendItems(c) };
    // A realm is free text, but naming it after the userlist that guards the page is the usual choice.
    if (element.name === 'userlist' || element.name === 'realm') return { items: namesOfKind(c, 'userlist') };
  }
  return undefined;
}

/** Arguments of a keyword or action: literals of its syntax, enum values, names, files, expressions. */
export function argumentOffer(c: Cursor, owner: KeywordEntry, args: readonly string[], conditional: boolean, prefix?: string): Offer {
  if (openSampleStart(c.partial) >= 0) return sampleOffer(c, openSampleStart(c.partial), false);
  const shapes = argumentShapes(owner, c.version).filter((s) => (prefix === 'no' ? s.prefix === 'no' : !s.prefix));
  const expected = shapes.flatMap((s) => expectedElements(s.args, args));
  // The same cached list may be offered twice (`default_backend` names a backend by syntax and by keyword).
  const lists: (readonly CompletionEntry[])[] = [];
  const add = (list: readonly CompletionEntry[]) => {
    if (list.length > 0 && !lists.includes(list)) lists.push(list);
  };
  for (const element of expected) {
    if (element.kind === 'placeholder' || element.kind === 'pattern') {
      const offer = placeholderOffer(c, owner, element);
      if (offer?.startColumn !== undefined) return offer;
      if (offer) add(offer.items);
    }
  }
  const afterName = NAMES_AFTER[args[args.length - 1] ?? (args.length === 0 ? owner.name : '')];
  if (afterName && expected.some((e) => e.kind !== 'literal' && e.kind !== 'condition')) add(namesOfKind(c, afterName));
  const position = args.length;
  // Values allowed at any position do not belong where the syntax wants an address or a file (`log <target>`).
  const slots = expected.filter((e) => e.kind === 'placeholder' || e.kind === 'pattern');
  const eachFits = slots.length === 0 || slots.some((e) => e.type !== 'address' && e.type !== 'file');
  for (const values of argumentValues(owner.kind, owner.name, c.version)) {
    if (values.position === position || (values.position === 'each' && eachFits)) add(valueItems(values.values, c.version, owner.name));
  }
  for (const element of expected) {
    if (element.kind === 'placeholder' && element.values) add(element.values.map((v, i) => plainItem(v, 'value', `0${String(i).padStart(3, '0')}`, { detail: `<${element.name}>` })));
    if (element.kind === 'literal' && !CONDITION_WORDS.includes(element.text)) add([plainItem(element.text, 'keyword', `1${element.text}`, { detail: owner.name })]);
  }
  const conditionNext = expected.some((e) => e.kind === 'condition' || (e.kind === 'literal' && CONDITION_WORDS.includes(e.text)));
  // Rule actions do not write the condition in their syntax: it may come once their arguments are complete.
  if (conditionNext || (conditional && (shapes.length === 0 || shapes.some((s) => matchShape(s.args, args).complete)))) add(conditionStarters());
  return { items: mergeLists(lists) };
}

const uniqueLabels = new WeakMap<readonly CompletionEntry[], boolean>();

/**
 * The items of the lists, the first of each label only. A single list whose labels are all different (a cached list of
 * thousands of backend names, say) is returned as it is, not copied.
 */
function mergeLists(lists: readonly (readonly CompletionEntry[])[]): CompletionEntry[] {
  if (lists.length === 1) {
    const list = lists[0];
    let unique = uniqueLabels.get(list);
    if (unique === undefined) uniqueLabels.set(list, (unique = new Set(list.map((item) => item.label)).size === list.length));
    if (unique) return list as CompletionEntry[];
  }
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const item of list) {
      if (seen.has(item.label)) continue;
      seen.add(item.label);
      items.push(item);
    }
  }
  return items;
}

// ---------------------------------------------------------------- bind and server options

const REPEATABLE_OPTIONS = new Set(['crt', 'crt-list', 'set-proxy-v2-tlv-fmt']);

/** On a bind or server line after the address: the options not yet used, or the value of the last option. */
export function optionsOffer(c: Cursor, kind: OptionKind, start: number): Offer {
  const words = c.before.slice(start);
  const scanned = scanOptions(kind, words, c.version);
  const last = scanned[scanned.length - 1];
  if (last?.entry && last.missingValue) {
    const valueIndex = words.length - (last.index + last.entry.words.length);
    return optionValueOffer(c, kind, last.entry, valueIndex);
  }
  const used = new Set(scanned.map((o) => o.name));
  const all = memo(`option|${kind}|${c.version}`, () => optionKeywords(kind, c.version).map((e) => optionItem(e, { version: c.version, group: kind })));
  return { items: used.size ? all.filter((item) => !used.has(item.label) || REPEATABLE_OPTIONS.has(item.label)) : all };
}

/** The value of a bind or server option: enum values, files, resolvers sections, tracked servers. */
function optionValueOffer(c: Cursor, kind: OptionKind, entry: KeywordEntry, valueIndex: number): Offer {
  const shape = argumentShapes(entry, c.version)[0];
  const element = shape?.args[valueIndex];
  const placeholder = element?.kind === 'placeholder' || element?.kind === 'pattern' ? element : undefined;
  if (placeholder?.type === 'file') return fileOffer(c, 0);
  if (entry.name === 'resolvers') return { items: namesOfKind(c, 'resolvers') };
  if (entry.name === 'track') return { items: namesOfKind(c, 'server') };
  const items: CompletionEntry[] = [];
  for (const values of argumentValues(kind, entry.name, c.version)) {
    if (values.position === valueIndex || values.position === 'each') items.push(...valueItems(values.values, c.version, entry.name));
  }
  if (items.length === 0 && element?.kind === 'optional') {
    for (const option of element.options) {
      const first = option[0];
      if (first?.kind === 'literal') items.push(plainItem(first.text, 'value', `0${first.text}`, { detail: entry.name }));
    }
  }
  return { items };
}
