import { addedIn, getKeyword, isAllowedIn, isAllowedInRuleSet, isKnownIn, keywordsOfKind, placesIn } from './catalog';
import { findRemovedKeyword } from './removed-keywords';
import { DIRECTIVE_KINDS, isCatalogSection, isProxySection, SECTION_KINDS } from './section-kinds';
import { RULE_SETS, type CatalogSection, type KeywordEntry, type KeywordKind, type Place, type RemovedKeyword, type RuleSet } from './types';
import { type HaproxyVersion, versionIndex } from './versions';

/**
 * How a line relates to the target version and its section:
 * - `ok`: known in this version and allowed here;
 * - `unknown`: no keyword of any version spells these words (here or in another section);
 * - `not-allowed`: a known keyword that this section does not take (`bind` in a backend);
 * - `newer`: only later versions have it; `removed`: only earlier versions had it;
 * - `runtime`: defined at run time (Lua `lua.*` actions), cannot be checked;
 * - `unchecked`: a section the catalog has no keyword list for.
 */
export type DirectiveStatus = 'ok' | 'unknown' | 'not-allowed' | 'newer' | 'removed' | 'runtime' | 'unchecked';

export type ActionStatus = Exclude<DirectiveStatus, 'unchecked'> | 'missing';

export interface ResolvedAction {
  readonly status: ActionStatus;
  readonly entry?: KeywordEntry;
  /** Index in the line's words of the action word. */
  readonly index: number;
  /** The action name without its parenthesised arguments (`set-var` for `set-var(txn.x)`). */
  readonly name: string;
}

export interface ResolvedDirective {
  readonly status: DirectiveStatus;
  /** The catalog keyword the line starts with (for `not-allowed`, the one of the other section). */
  readonly keyword?: KeywordEntry;
  /** Words forming the keyword, a `no`/`default` prefix included; the arguments start there. */
  readonly consumed: number;
  readonly prefix?: 'no' | 'default';
  /** False when a `no`/`default` prefix is written before a keyword that does not take one. */
  readonly prefixAllowed: boolean;
  /** For rule keywords: the rule set and the action. */
  readonly ruleSet?: RuleSet;
  readonly action?: ResolvedAction;
  /** What replaced a removed keyword (also set for `removed` keywords that are in the catalog). */
  readonly removed?: RemovedKeyword;
  /** Where the keyword is allowed in this version, for `not-allowed`. */
  readonly allowedIn?: readonly Place[];
  /**
   * For `not-allowed`: what HAProxy itself does. A proxy keyword written in a frontend, backend or
   * listen that lacks the needed capability is ignored with a `warning`; anything else (a keyword of
   * another section, one that defaults sections refuse) is an `alert` that stops the load.
   */
  readonly haproxyReaction?: 'alert' | 'warning';
}

const RULE_KEYWORDS: ReadonlySet<string> = new Set<string>(RULE_SETS);

/** First words after which the second word is always part of the keyword name. */
const FAMILIES: ReadonlySet<string> = new Set([
  'option', 'timeout', 'stats', 'capture', 'http-check', 'tcp-check', 'stick', 'monitor', 'email-alert', 'external-check',
  'rate-limit', 'persist', 'declare', 'tcp-request', 'tcp-response',
]);

/** Proxy keywords HAProxy refuses (instead of ignoring) in a proxy lacking the needed side. */
const REFUSED_ON_CAPABILITY: ReadonlySet<string> = new Set(['tcp-request connection', 'tcp-request session', 'tcp-response content']);

/**
 * HAProxy Enterprise global keywords that load modules; the modules then register keywords of their
 * own, so neither these nor what follows can be checked against the community catalog.
 */
export const MODULE_LOADING_KEYWORDS: ReadonlySet<string> = new Set(['module-load', 'module-path']);

/** Global keywords that take a `no` prefix. */
const NEGATABLE_GLOBALS: ReadonlySet<string> = new Set([
  'busy-polling', 'h2-workaround-bogus-websocket-clients', 'insecure-fork-wanted', 'insecure-setuid-wanted',
  'numa-cpu-mapping', 'set-dumpable', 'strict-limits',
]);

type Index = ReadonlyMap<string, readonly KeywordEntry[]>;
const indexCache = new Map<string, Index>();

function buildIndex(kinds: readonly KeywordKind[]): Index {
  const index = new Map<string, KeywordEntry[]>();
  for (const kind of kinds) {
    for (const entry of keywordsOfKind(kind)) {
      const list = index.get(entry.words[0]);
      if (list) list.push(entry);
      else index.set(entry.words[0], [entry]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

function indexFor(kinds: readonly KeywordKind[]): Index {
  const key = kinds.join(',');
  let index = indexCache.get(key);
  if (!index) indexCache.set(key, (index = buildIndex(kinds)));
  return index;
}

/** True when the leading words spell the name; its last word may carry a call (`http-check set-var(x)`). */
function spells(name: readonly string[], words: readonly string[]): boolean {
  const last = name.length - 1;
  return name.every((w, i) => words[i] === w || (i === last && words[i] !== undefined && actionName(words[i]) === w));
}

/** Longest catalog keyword spelled by the leading words; among equals, one known in `version` wins. */
function longestMatch(index: Index, words: readonly string[], version: HaproxyVersion): KeywordEntry | undefined {
  const candidates = index.get(words[0]);
  if (!candidates) return undefined;
  let best: KeywordEntry | undefined;
  for (const entry of candidates) {
    if (best && entry.words.length < best.words.length) break;
    if (!spells(entry.words, words)) continue;
    if (!best || (!isKnownIn(best, version) && isKnownIn(entry, version))) best = entry;
  }
  return best;
}

function versionStatus(entry: KeywordEntry, version: HaproxyVersion): 'newer' | 'removed' {
  const first = addedIn(entry);
  return first !== undefined && versionIndex(version) < versionIndex(first) ? 'newer' : 'removed';
}

/** The action name of a rule word: `set-var(txn.x)` -> `set-var`. */
export function actionName(word: string): string {
  const paren = word.indexOf('(');
  return paren > 0 ? word.slice(0, paren) : word;
}

function resolveAction(ruleSet: RuleSet, words: readonly string[], index: number, version: HaproxyVersion): ResolvedAction {
  const word = words[index];
  if (word === undefined || word === '') return { status: 'missing', index, name: '' };
  const name = actionName(word);
  if (name.startsWith('lua.')) return { status: 'runtime', index, name };
  let entry = getKeyword('action', name);
  if (!entry && /^track-sc\d+$/.test(name)) entry = getKeyword('action', 'track-sc0');
  if (!entry) return { status: 'unknown', index, name };
  if (!isKnownIn(entry, version)) return { status: versionStatus(entry, version), entry, index, name };
  if (!isAllowedInRuleSet(entry, ruleSet, version)) return { status: 'not-allowed', entry, index, name };
  return { status: 'ok', entry, index, name };
}

function prefixAllowed(prefix: 'no' | 'default' | undefined, entry: KeywordEntry | undefined): boolean {
  if (!prefix || !entry) return true;
  if (entry.words[0] === 'option') return true;
  if (prefix === 'default') return false;
  return entry.negatable || (entry.kind === 'global' && NEGATABLE_GLOBALS.has(entry.name));
}

/**
 * Says which catalog keyword a configuration line is. `words` are the line's words after quote
 * removal, a leading `no`/`default` included, the condition excluded or not (it is not looked at).
 * Multi-word keywords (`timeout client`, `option httpchk`, `stats auth`, `tcp-request content`) are
 * matched whole, and rule keywords also resolve their action.
 */
export function resolveDirective(section: string, words: readonly string[], version: HaproxyVersion): ResolvedDirective {
  if (!isCatalogSection(section)) return { status: 'unchecked', consumed: 0, prefixAllowed: true };
  let offset = 0;
  let prefix: 'no' | 'default' | undefined;
  if ((words[0] === 'no' || words[0] === 'default') && words.length > 1) {
    prefix = words[0];
    offset = 1;
  }
  const rest = words.slice(offset);
  if (rest.length === 0 || rest[0] === '') return { status: 'unknown', consumed: 0, prefixAllowed: true };
  const base = prefix ? { prefix } : {};

  const entry = longestMatch(indexFor(SECTION_KINDS[section]), rest, version);
  if (entry) {
    const consumed = offset + entry.words.length;
    const common = { ...base, keyword: entry, consumed, prefixAllowed: prefixAllowed(prefix, entry) };
    if (!isKnownIn(entry, version)) {
      const removed = findRemovedKeyword(section, rest);
      return { ...common, status: versionStatus(entry, version), ...(removed ? { removed } : {}) };
    }
    if (!isAllowedIn(entry, section, version)) {
      const allowedIn = placesIn(entry, version);
      const capabilityOnly =
        section !== 'defaults' &&
        isProxySection(section) &&
        !REFUSED_ON_CAPABILITY.has(entry.name) &&
        allowedIn.some((p) => p !== 'defaults' && isProxySection(p));
      return { ...common, status: 'not-allowed', allowedIn, haproxyReaction: capabilityOnly ? 'warning' : 'alert' };
    }
    if (entry.kind === 'proxy' && RULE_KEYWORDS.has(entry.name)) {
      const ruleSet = entry.name as RuleSet;
      return { ...common, status: 'ok', ruleSet, action: resolveAction(ruleSet, words, consumed, version) };
    }
    return { ...common, status: 'ok' };
  }

  if (section === 'global' && MODULE_LOADING_KEYWORDS.has(rest[0])) return { ...base, status: 'runtime', consumed: offset + 1, prefixAllowed: true };
  const removed = findRemovedKeyword(section, rest);
  if (removed) return { ...base, status: 'removed', consumed: offset + removed.name.split(' ').length, prefixAllowed: true, removed };

  const elsewhere = longestMatch(indexFor(DIRECTIVE_KINDS), rest, version);
  if (elsewhere) {
    return {
      ...base,
      status: 'not-allowed',
      keyword: elsewhere,
      consumed: offset + elsewhere.words.length,
      prefixAllowed: true,
      allowedIn: placesIn(elsewhere, version),
      haproxyReaction: 'alert',
    };
  }
  const familyWords = FAMILIES.has(rest[0]) && rest.length > 1 ? 2 : 1;
  return { ...base, status: 'unknown', consumed: offset + familyWords, prefixAllowed: true };
}

/** The catalog sections a keyword kind lives in (used to explain `not-allowed`). */
export function sectionsOfKind(kind: KeywordKind): CatalogSection[] {
  return (Object.keys(SECTION_KINDS) as CatalogSection[]).filter((s) => SECTION_KINDS[s].includes(kind));
}
