import {
  argumentShapes,
  argumentValues,
  isCatalogSection,
  isHttpOnly,
  isKnownIn,
  keywordsOfKind,
  lineOptions,
  optionKeywords,
  resolveDirective,
  ruleSetActions,
  scanOptions,
  sectionKeywords,
  STICK_TABLE_DATA_TYPES,
  STICK_TABLE_TYPES,
  type CatalogSection,
  type EnumValue,
  type HaproxyVersion,
  type KeywordEntry,
  type OptionKind,
  type RuleSet,
} from '../model/catalog';
import { isValueIn } from '../model/catalog/argument-values';
import type { Proxy } from '../model/config-model';
import type { Position, Range } from '../syntax/ast';
import { CONDITIONAL_KEYWORDS } from '../syntax/section-keywords';
import { aclWordRoles } from './acl-words';
import { cutAtCursor } from './cursor-words';
import { actionItem, catalogItem, keywordItem, optionItem, plainItem, sampleItem, type CompletionEntry, type CompletionKind } from './completion-items';
import { sortKey } from './completion-rank';
import { lineStructure, type LanguageDocument, type LineStructure } from './line-structure';
import { previousSection, proxyOf } from './locate';
import type { WordRole } from './line-words';
import { joinPath, logVariableStart, openSampleStart, pathPosition, samplePosition } from './partial-word';
import { expectedElements, type ExpectedElement } from './shape-expectations';
import { aclMarkdown } from './symbol-docs';

/** What completion needs from outside the core: the file system and the other files of the config. */
export interface CompletionEnvironment {
  /** Folder of the document, for relative paths. */
  documentDir?: string;
  /** Entries of a folder, or undefined when it cannot be read. */
  listDirectory?(path: string): readonly { name: string; directory: boolean }[] | undefined;
  /** Names of the backends (and listens) defined in the other files of a multi-file config. */
  otherBackends?(): readonly string[];
}

/** Items for one position and the text they replace. */
export interface CompletionResult {
  items: CompletionEntry[];
  /** From the start of what is being completed to the cursor. */
  range: Range;
  /** The same start, up to the end of the word under the cursor. */
  replaceRange: Range;
}

/** The cursor seen on its line. */
interface Cursor {
  doc: LanguageDocument;
  env: CompletionEnvironment;
  s: LineStructure;
  version: HaproxyVersion;
  column: number;
  /** Index of the word being written: the number of words before it. */
  index: number;
  /** The raw text of that word up to the cursor (empty after a blank). */
  partial: string;
  /** Values and roles of the words before it. */
  before: string[];
  roles: WordRole[];
  /** Where that word starts, and where it ends (the cursor on a blank). */
  start: Position;
  end: Position;
  cursor: Position;
  /** The section type whose keywords the line may use. */
  sectionType?: CatalogSection;
  proxy?: Proxy;
}

/** Items plus, when they replace less than the whole word, the column where their text starts. */
interface Offer {
  items: CompletionEntry[];
  startColumn?: number;
}

const NONE: Offer = { items: [] };

const listCache = new Map<string, CompletionEntry[]>();

/** Catalog-only lists depend on a few facts (section, version, mode); each is built once. */
function memo(key: string, build: () => CompletionEntry[]): CompletionEntry[] {
  let list = listCache.get(key);
  if (!list) listCache.set(key, (list = build()));
  return list;
}

function at(c: Cursor, column: number): Position {
  return { line: c.cursor.line, column, offset: c.cursor.offset - (c.column - column) };
}

// ---------------------------------------------------------------- names defined in the config

function sectionNames(c: Cursor, type: string): string[] {
  return c.doc.file.sections.filter((s) => s.type === type && s.name).map((s) => s.name!.value);
}

function nameItems(names: readonly string[], kind: CompletionKind, detail: string, docs?: (name: string) => string | undefined): CompletionEntry[] {
  return names.map((name, i) => {
    const documentation = docs?.(name);
    return plainItem(name, kind, `0${String(i).padStart(4, '0')}`, { detail, ...(documentation ? { documentation } : {}) });
  });
}

const backendCache = new WeakMap<object, CompletionEntry[]>();

function backendItems(c: Cursor): CompletionEntry[] {
  const others = c.env.otherBackends?.() ?? [];
  const cached = others.length ? undefined : backendCache.get(c.doc.model);
  if (cached) return cached;
  const own = c.doc.model.proxies.filter((p) => (p.kind === 'backend' || p.kind === 'listen') && p.name).map((p) => p.name);
  const items = nameItems([...new Set([...own, ...others])], 'backend', 'backend').map((item): CompletionEntry => ({ ...item, ref: { kind: 'backend', name: item.label } }));
  if (!others.length) backendCache.set(c.doc.model, items);
  return items;
}

/** Names a word after these words stands for (`table <name>`, `use_backend <name>`, `errorfiles <name>`). */
const NAMES_AFTER: Readonly<Record<string, string>> = {
  use_backend: 'backend',
  default_backend: 'backend',
  'use-server': 'server',
  track: 'server',
  table: 'table',
  peers: 'peers',
  resolvers: 'resolvers',
  errorfiles: 'http-errors',
  'cache-use': 'cache',
  'cache-store': 'cache',
  'use-fcgi-app': 'fcgi-app',
  profile: 'log-profile',
  mailers: 'mailers',
  from: 'defaults',
};

function namesOfKind(c: Cursor, kind: string): CompletionEntry[] {
  switch (kind) {
    case 'backend':
      return backendItems(c);
    case 'server':
      return nameItems(c.proxy?.servers.filter((s) => !s.isDefault).map((s) => s.name) ?? [], 'server', 'server');
    case 'table':
      return nameItems(
        c.doc.model.definitions.filter((d) => d.kind === 'table').map((d) => d.name),
        'reference',
        'stick-table',
      );
    case 'defaults':
      return nameItems(c.doc.model.proxies.filter((p) => p.kind === 'defaults' && p.name).map((p) => p.name), 'reference', 'defaults section');
    default:
      return nameItems(sectionNames(c, kind), 'reference', `${kind} section`);
  }
}

// ---------------------------------------------------------------- line start

/** The explicit mode of a proxy (its own or its defaults'), or undefined when nothing sets one. */
function explicitMode(proxy: Proxy | undefined): string | undefined {
  for (let p = proxy; p; p = p.defaults) {
    const mode = [...p.directives].reverse().find((d) => d.keyword.value === 'mode' && !d.prefix)?.args[0]?.value;
    if (mode) return mode;
  }
  return undefined;
}

function tcpOnly(c: Cursor): boolean {
  return explicitMode(c.proxy) === 'tcp';
}

const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'http-request', 'http-response', 'http-after-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content',
  'tcp-response content', 'quic-initial',
]);

function lineStartOffer(c: Cursor, prefix?: string): Offer {
  const indented = c.start.column > 0;
  const dropHttp = tcpOnly(c);
  const key = `start|${c.sectionType}|${c.version}|${indented}|${prefix}|${dropHttp}`;
  return { items: memo(key, () => lineStartItems(c.sectionType, c.version, indented, dropHttp, prefix)) };
}

function lineStartItems(sectionType: CatalogSection | undefined, version: HaproxyVersion, indented: boolean, dropHttp: boolean, prefix?: string): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  if (!prefix) {
    for (const entry of keywordsOfKind('section')) {
      if (isKnownIn(entry, version)) items.push(keywordItem(entry, { version, group: 'section', demoted: indented }));
    }
  }
  if (!sectionType) return items;
  const group = sectionType === 'global' ? 'global' : 'proxy';
  const heads = new Map<string, KeywordEntry[]>();
  for (const entry of sectionKeywords(sectionType, version)) {
    if (dropHttp && isHttpOnly(entry, version)) continue;
    if (prefix === 'no' && !(entry.negatable || entry.words[0] === 'option')) continue;
    if (prefix === 'default' && entry.words[0] !== 'option') continue;
    if (entry.words.length === 1) {
      const rule = RULE_KEYWORDS.has(entry.name);
      items.push(keywordItem(entry, { version, group, demoted: !indented && !prefix, ...(rule ? { insertText: `${entry.name} `, retrigger: true } : {}) }));
    } else {
      const list = heads.get(entry.words[0]) ?? [];
      list.push(entry);
      heads.set(entry.words[0], list);
      const rule = RULE_KEYWORDS.has(entry.name);
      items.push(keywordItem(entry, { version, group, demoted: !indented && !prefix, ...(rule ? { insertText: `${entry.name} `, retrigger: true } : {}) }));
    }
  }
  for (const [head, entries] of heads) {
    const existing = items.findIndex((i) => i.label === head && i.kind === 'keyword');
    if (existing >= 0) {
      items[existing] = { ...items[existing], insertText: `${head} `, snippet: false, retrigger: true };
      continue;
    }
    const names = entries.map((e) => e.words.slice(1).join(' '));
    items.push(
      plainItem(head, 'family', sortKey(group, head, !indented && !prefix), {
        detail: `${head} <${names.length} keywords>`,
        documentation: `${names.length} keywords start with ${head}: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`,
        insertText: `${head} `,
        retrigger: true,
      }),
    );
  }
  return items;
}

/** The next word of multi-word keywords whose first words are typed (`timeout ` -> `client`, `server`...). */
function continuationOffer(c: Cursor, typed: readonly string[]): Offer {
  if (!c.sectionType) return NONE;
  const version = c.version;
  const depth = typed.length;
  const seen = new Set<string>();
  const items: CompletionEntry[] = [];
  const dropHttp = tcpOnly(c);
  const group = c.sectionType === 'global' ? 'global' : 'proxy';
  for (const entry of sectionKeywords(c.sectionType, version)) {
    if (entry.words.length <= depth || !typed.every((w, i) => entry.words[i] === w)) continue;
    if (dropHttp && isHttpOnly(entry, version)) continue;
    const word = entry.words[depth];
    if (seen.has(word)) continue;
    seen.add(word);
    if (entry.words.length === depth + 1) {
      const rule = RULE_KEYWORDS.has(entry.name);
      const insert = keywordSnippetAfter(entry, version, depth);
      items.push(keywordItem(entry, { version, group, label: word, insertText: rule ? `${word} ` : insert, retrigger: rule }));
    } else {
      items.push(plainItem(word, 'family', sortKey(group, entry.name), { insertText: `${word} `, retrigger: true }));
    }
  }
  return { items };
}

/** The snippet of a multi-word keyword without the words already typed. */
function keywordSnippetAfter(entry: KeywordEntry, version: HaproxyVersion, typedWords: number): string {
  const full = keywordItem(entry, { version, group: 'proxy' }).insertText;
  const typed = entry.words.slice(0, typedWords).join(' ');
  return typed && full.startsWith(`${typed} `) ? full.slice(typed.length + 1) : full;
}

// ---------------------------------------------------------------- samples, formats, files

function fetchItems(c: Cursor, acl: boolean): CompletionEntry[] {
  const version = c.version;
  const demoteHttp = tcpOnly(c);
  return memo(`fetch|${version}|${acl}|${demoteHttp}`, () => buildFetchItems(version, acl, demoteHttp));
}

function buildFetchItems(version: HaproxyVersion, acl: boolean, demoteHttp: boolean): CompletionEntry[] {
  const kinds = acl ? (['fetch', 'acl-derived'] as const) : (['fetch'] as const);
  const seen = new Set<string>();
  return kinds.flatMap((kind) =>
    keywordsOfKind(kind)
      .filter((e) => isKnownIn(e, version) && !seen.has(e.name) && seen.add(e.name))
      .map((e) => sampleItem(e, 'fetch', { version, group: 'fetch', demoted: demoteHttp && isHttpOnly(e, version) })),
  );
}

function converterItems(c: Cursor): CompletionEntry[] {
  return memo(`converter|${c.version}`, () =>
    keywordsOfKind('converter')
      .filter((e) => isKnownIn(e, c.version) && !e.name.includes('<'))
      .map((e) => sampleItem(e, 'converter', { version: c.version, group: 'converter' })),
  );
}

const BACKEND_ARGUMENT = new Set(['avg_queue', 'be_conn', 'be_conn_free', 'be_sess_rate', 'connslots', 'nbsrv', 'queue']);

/** Items for a sample expression typed in the current word from character `from` on. */
function sampleOffer(c: Cursor, from: number, acl: boolean): Offer {
  const position = samplePosition(c.partial.slice(from), from);
  const startColumn = c.start.column + position.start;
  switch (position.kind) {
    case 'fetch':
      return { items: fetchItems(c, acl), startColumn };
    case 'converter':
      return { items: converterItems(c), startColumn };
    case 'argument': {
      if (position.index !== 0) return { items: [], startColumn };
      if (position.name === 'http_auth' || position.name === 'http_auth_group') {
        return { items: nameItems(sectionNames(c, 'userlist'), 'reference', 'userlist'), startColumn };
      }
      if (BACKEND_ARGUMENT.has(position.name)) return { items: backendItems(c), startColumn };
      if (/^map(_|$)/.test(position.name)) return fileOffer(c, from + (position.start - from));
      return { items: [], startColumn };
    }
  }
}

function logVariableItems(c: Cursor, withPercent: boolean): CompletionEntry[] {
  const demoteHttp = tcpOnly(c);
  return memo(`logvar|${c.version}|${withPercent}|${demoteHttp}`, () => keywordsOfKind('log-format-var')
    .filter((e) => isKnownIn(e, c.version))
    .map((e) =>
      catalogItem(e, 'log-variable', withPercent ? e.name : e.name.slice(1), {
        version: c.version,
        group: 'log-variable',
        demoted: demoteHttp && isHttpOnly(e, c.version),
        ...(withPercent ? {} : { label: e.name.slice(1) }),
      }),
    ));
}

/** Inside a log-format string: `%[` expressions and `%` variables. */
function formatOffer(c: Cursor): Offer | undefined {
  const open = openSampleStart(c.partial);
  if (open >= 0) return sampleOffer(c, open, false);
  const variable = logVariableStart(c.partial);
  if (variable) return { items: logVariableItems(c, variable.withPercent), startColumn: c.start.column + variable.start };
  return undefined;
}

/** Files and folders for the path typed in the current word from character `from` on. */
function fileOffer(c: Cursor, from: number): Offer {
  const position = pathPosition(c.partial.slice(from));
  const startColumn = c.start.column + from + position.segmentStart;
  const folder = position.folder.startsWith('/') ? position.folder : c.env.documentDir ? joinPath(c.env.documentDir, position.folder || '.') : undefined;
  if (!folder || !c.env.listDirectory) return { items: [], startColumn };
  const typed = c.partial.slice(from + position.segmentStart);
  const entries = c.env.listDirectory(folder) ?? [];
  const items = entries
    .filter((e) => typed.startsWith('.') || !e.name.startsWith('.'))
    .slice(0, 500)
    .map((e) =>
      e.directory
        ? plainItem(`${e.name}/`, 'folder', `0${e.name}`, { retrigger: true })
        : plainItem(e.name, 'file', `1${e.name}`),
    );
  return { items, startColumn };
}

// ---------------------------------------------------------------- arguments

function valueItems(values: readonly EnumValue[], version: HaproxyVersion, detail: string): CompletionEntry[] {
  return values
    .filter((v) => isValueIn(v, version))
    .map((v, i) => {
      const insert = v.argument === 'parens' ? `${v.value}(\${1})` : v.argument === 'word' ? `${v.value} \${1}` : v.value;
      return plainItem(v.value, 'value', `0${String(i).padStart(3, '0')}`, { detail, insertText: insert, snippet: insert !== v.value });
    });
}

const CONDITION_WORDS = ['if', 'unless'];

function conditionStarters(): CompletionEntry[] {
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
    if (element.name === 'userlist') return { items: namesOfKind(c, 'userlist') };
  }
  return undefined;
}

/** Arguments of a keyword or action: literals of its syntax, enum values, names, files, expressions. */
function argumentOffer(c: Cursor, owner: KeywordEntry, args: readonly string[], conditional: boolean, prefix?: string): Offer {
  if (openSampleStart(c.partial) >= 0) return sampleOffer(c, openSampleStart(c.partial), false);
  const shapes = argumentShapes(owner, c.version).filter((s) => (prefix === 'no' ? s.prefix === 'no' : !s.prefix));
  const expected = shapes.flatMap((s) => expectedElements(s.args, args));
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  const add = (list: readonly CompletionEntry[]) => {
    for (const item of list) {
      if (seen.has(item.label)) continue;
      seen.add(item.label);
      items.push(item);
    }
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
  for (const values of argumentValues(owner.kind, owner.name, c.version)) {
    if (values.position === position) add(valueItems(values.values, c.version, owner.name));
    else if (values.position === 'each' && position > 0 || (values.position === 'each' && !expected.some((e) => e.kind !== 'literal'))) {
      add(valueItems(values.values, c.version, owner.name));
    }
  }
  for (const element of expected) {
    if (element.kind === 'placeholder' && element.values) add(element.values.map((v, i) => plainItem(v, 'value', `0${String(i).padStart(3, '0')}`, { detail: `<${element.name}>` })));
    if (element.kind === 'literal' && !CONDITION_WORDS.includes(element.text)) add([plainItem(element.text, 'keyword', `1${element.text}`, { detail: owner.name })]);
  }
  if (conditional || expected.some((e) => e.kind === 'condition' || (e.kind === 'literal' && CONDITION_WORDS.includes(e.text)))) {
    if (args.length > 0 || !expected.some((e) => e.kind === 'placeholder' || e.kind === 'pattern')) add(conditionStarters());
  }
  return { items };
}

// ---------------------------------------------------------------- bind and server options

const REPEATABLE_OPTIONS = new Set(['crt', 'crt-list', 'set-proxy-v2-tlv-fmt']);

function optionsOffer(c: Cursor, kind: OptionKind, start: number): Offer {
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

// ---------------------------------------------------------------- ACLs and conditions

function aclTailOffer(c: Cursor, criterion: number): Offer {
  const previous = c.before[c.index - 1];
  if (previous === '-m') {
    return { items: keywordsOfKind('acl-match-method').filter((e) => isKnownIn(e, c.version)).map((e) => catalogItem(e, 'match-method', e.name, { version: c.version, group: 'match' })) };
  }
  if (previous === '-f' || previous === '-M') return fileOffer(c, 0);
  if (previous === '-u') return NONE;
  const roles = aclWordRoles(c.before, criterion + 1, c.index);
  if (!roles.every((r) => r === 'flag' || r === 'flag-arg')) return NONE;
  const flags = keywordsOfKind('acl-flag').filter((e) => isKnownIn(e, c.version)).map((e) => catalogItem(e, 'flag', e.name, { version: c.version, group: 'flag' }));
  const operators = keywordsOfKind('acl-operator')
    .filter((e) => isKnownIn(e, c.version))
    .map((e) => catalogItem(e, 'operator', e.name, { version: c.version, group: 'operator', demoted: true }));
  return { items: [...flags, ...operators] };
}

function aclNameItems(c: Cursor): CompletionEntry[] {
  const proxy = c.proxy;
  const own = proxy
    ? [...proxy.acls.entries()].map(([name, definitions], i) => {
        const first = definitions[0];
        const criterion = first.directive.args.slice(1).map((a) => a.raw).join(' ');
        return plainItem(name, 'acl', `0${String(i).padStart(4, '0')}`, { detail: criterion, documentation: aclMarkdown(c.doc.model, name, proxy) ?? '' });
      })
    : [];
  const predefined = keywordsOfKind('predefined-acl')
    .filter((e) => isKnownIn(e, c.version))
    .map((e) => catalogItem(e, 'acl', e.name, { version: c.version, group: 'predefined', demoted: true }));
  return [...own, ...predefined];
}

function conditionOffer(c: Cursor, conditionAt: number): Offer {
  let lastOpen = -1;
  let lastClose = -1;
  for (let i = conditionAt + 1; i < c.index; i++) {
    if (c.roles[i] === 'open') lastOpen = i;
    if (c.roles[i] === 'close') lastClose = i;
  }
  if (lastOpen > lastClose) {
    if (c.index === lastOpen + 1) return sampleOffer(c, 0, true);
    return aclTailOffer(c, lastOpen + 1);
  }
  if (/^!*\{/.test(c.partial)) return NONE;
  const bangs = /^!*/.exec(c.partial)![0].length;
  const items = aclNameItems(c);
  const previousRole = c.roles[c.index - 1];
  if (bangs === 0) {
    items.push(plainItem('{ }', 'keyword', '3{', { detail: 'anonymous ACL', insertText: '{ ${1:criterion} ${2:value} }', snippet: true }));
    if (previousRole === 'word' || previousRole === 'close') items.push(plainItem('or', 'keyword', '3or', { detail: 'either side may match', insertText: 'or ' }));
  }
  return { items, startColumn: c.start.column + bangs };
}

// ---------------------------------------------------------------- dispatch

const DUMMY_ADDRESS = '127.0.0.1:1';

function directiveOffer(c: Cursor): Offer {
  const before = c.before;
  const prefix = (before[0] === 'no' || before[0] === 'default') ? before[0] : undefined;
  const p = prefix ? 1 : 0;
  if (c.index === p) return lineStartOffer(c, prefix);
  if (!c.sectionType) return NONE;
  if (CONDITIONAL_KEYWORDS.has(before[p] ?? '')) {
    const conditionAt = c.roles.findIndex((role, i) => i > p && i < c.index && (role === 'if' || role === 'unless'));
    if (conditionAt > 0) return conditionOffer(c, conditionAt);
  }
  const continuation = continuationOffer(c, before.slice(p));
  const resolved = resolveDirective(c.sectionType, before, c.version);
  const keyword = resolved.keyword;
  if (!keyword || resolved.consumed > c.index || resolved.status === 'unknown') return continuation;
  const merge = (offer: Offer): Offer => (offer.startColumn !== undefined || continuation.items.length === 0 ? offer : { items: [...continuation.items, ...offer.items] });
  if (resolved.ruleSet) {
    const ruleSet = resolved.ruleSet as RuleSet;
    if (c.index === resolved.consumed) {
      const dropHttp = tcpOnly(c);
      const items = memo(`action|${ruleSet}|${c.version}|${dropHttp}`, () =>
        ruleSetActions(ruleSet, c.version)
          .filter((e) => !(dropHttp && isHttpOnly(e, c.version)))
          .map((e) => actionItem(e, { version: c.version, group: 'action', ruleSet })),
      );
      return merge({ items });
    }
    const action = resolved.action;
    if (!action?.entry) return NONE;
    return argumentOffer(c, action.entry, before.slice(action.index + 1), true);
  }
  if (keyword.name === 'acl' && keyword.kind === 'proxy') {
    if (c.index === p + 1) return NONE;
    if (c.index === p + 2) return sampleOffer(c, 0, true);
    return aclTailOffer(c, p + 2);
  }
  if (!prefix) {
    const options = lineOptions([...before, DUMMY_ADDRESS]);
    if (options && OPTION_LINES.has(keyword.name)) {
      return c.index >= options.start ? optionsOffer(c, options.kind, options.start) : NONE;
    }
  }
  return merge(argumentOffer(c, keyword, before.slice(resolved.consumed), CONDITIONAL_KEYWORDS.has(keyword.words[0]), prefix));
}

const OPTION_LINES = new Set(['bind', 'server', 'default-server', 'server-template', 'default-bind', 'dgram-bind']);

function headerOffer(c: Cursor): Offer {
  if (c.index === 0) return lineStartOffer(c);
  if (c.before[c.index - 1] === 'from') return { items: namesOfKind(c, 'defaults') };
  return NONE;
}

function cursorAt(doc: LanguageDocument, line: number, column: number, env: CompletionEnvironment): Cursor | undefined {
  const s = lineStructure(doc, line);
  if (!s) return undefined;
  if (s.line.commentColumn !== undefined && column > s.line.commentColumn) return undefined;
  const { index, current, partial, before } = cutAtCursor(s.line, column);
  const cursor: Position = { line, column, offset: s.line.start + column };
  let sectionType = s.sectionType;
  let section = s.section;
  if (s.header && index === 0 && s.section) {
    section = previousSection(doc.file, s.section);
    sectionType = section && isCatalogSection(section.type) ? section.type : undefined;
  }
  const proxy = proxyOf(doc.model, section);
  return {
    doc,
    env,
    s,
    version: s.version,
    column,
    index,
    partial,
    before,
    roles: s.line.roles.slice(0, index),
    start: current ? current.range.start : cursor,
    end: current ? current.range.end : cursor,
    cursor,
    ...(sectionType ? { sectionType } : {}),
    ...(proxy ? { proxy } : {}),
  };
}

/**
 * Completion at a position, knowing where the cursor is: keywords at the start of a line (by section,
 * version and mode), the words of multi-word keywords, actions after rule keywords, bind and server
 * options and their values, fetches and converters in conditions, ACLs and `%[...]`, ACL names, flags and
 * match methods, enum values, backend and other names, and file paths. Undefined in comments.
 */
export function completeAt(doc: LanguageDocument, line: number, column: number, env: CompletionEnvironment = {}): CompletionResult | undefined {
  const c = cursorAt(doc, line, column, env);
  if (!c) return undefined;
  const offer = c.s.header ? headerOffer(c) : directiveOffer(c);
  const startColumn = offer.startColumn ?? c.start.column;
  const start = at(c, startColumn);
  return {
    items: offer.items,
    range: { start, end: c.cursor },
    replaceRange: { start, end: offer.startColumn !== undefined ? c.cursor : c.end },
  };
}
