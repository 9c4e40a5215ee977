import { addedIn, getKeyword, isKnownIn, keywordsOfKind } from './catalog';
import { REMOVED_BIND_OPTIONS } from './removed-keywords';
import type { KeywordEntry, RemovedKeyword } from './types';
import { type HaproxyVersion, versionIndex } from './versions';

export type OptionKind = 'bind' | 'server';

/** One bind or server option found on a line. */
export interface ScannedOption {
  /** Index of the option's first word in the scanned words. */
  readonly index: number;
  /** The option name (a call suffix such as `(0x20)` removed). */
  readonly name: string;
  readonly entry?: KeywordEntry;
  readonly status: 'ok' | 'unknown' | 'newer' | 'removed';
  /** Indexes of the words taken as the option's value(s). */
  readonly values: readonly number[];
  /** The option needs a value and the line ends before it. */
  readonly missingValue: boolean;
  readonly removed?: RemovedKeyword;
}

const nameCache = new Map<OptionKind, ReadonlyMap<string, readonly KeywordEntry[]>>();

function optionsByFirstWord(kind: OptionKind): ReadonlyMap<string, readonly KeywordEntry[]> {
  let map = nameCache.get(kind);
  if (!map) {
    const built = new Map<string, KeywordEntry[]>();
    for (const entry of keywordsOfKind(kind)) {
      const list = built.get(entry.words[0]);
      if (list) list.push(entry);
      else built.set(entry.words[0], [entry]);
    }
    for (const l of built.values()) l.sort((a, b) => b.words.length - a.words.length);
    nameCache.set(kind, (map = built));
  }
  return map;
}

function optionName(word: string): string {
  const paren = word.indexOf('(');
  return paren > 0 ? word.slice(0, paren) : word;
}

/** `source <addr>[:<port>] [usesrc <addr>|client|clientip|hdr_ip(...)] [interface <name>]`. */
function sourceValues(words: readonly string[], start: number): number[] {
  const values: number[] = [];
  let i = start;
  if (i < words.length) values.push(i++);
  while (i + 1 < words.length && (words[i] === 'usesrc' || words[i] === 'interface')) {
    values.push(i, i + 1);
    i += 2;
  }
  return values;
}

/**
 * Walks the options of a `bind`, `server` or `default-server` line (the words after the address),
 * pairing each option with its value words using the catalog's arity. Unknown words are reported
 * one at a time, so one typo does not hide the options after it.
 */
export function scanOptions(kind: OptionKind, words: readonly string[], version: HaproxyVersion): ScannedOption[] {
  const byFirst = optionsByFirstWord(kind);
  const out: ScannedOption[] = [];
  let i = 0;
  while (i < words.length) {
    const name = optionName(words[i]);
    const candidates = byFirst.get(name) ?? [];
    const entry = candidates.find((c) => c.words.every((w, k) => (k === 0 ? name : words[i + k]) === w));
    if (!entry) {
      const removed = kind === 'bind' ? REMOVED_BIND_OPTIONS.find((r) => r.name === name) : undefined;
      if (removed) {
        const values = i + 1 < words.length ? [i + 1] : [];
        out.push({ index: i, name, status: 'removed', values, missingValue: values.length === 0, removed });
        i += 1 + values.length;
        continue;
      }
      out.push({ index: i, name, status: 'unknown', values: [], missingValue: false });
      i++;
      continue;
    }
    const valueStart = i + entry.words.length;
    let values: number[];
    if (entry.arity === -1) values = sourceValues(words, valueStart);
    else values = Array.from({ length: Math.min(entry.arity ?? 0, words.length - valueStart) }, (_, k) => valueStart + k);
    const needed = entry.arity === -1 ? 1 : (entry.arity ?? 0);
    let status: ScannedOption['status'] = 'ok';
    let removed: RemovedKeyword | undefined;
    if (!isKnownIn(entry, version)) {
      const first = addedIn(entry);
      status = first && versionIndex(version) < versionIndex(first) ? 'newer' : 'removed';
      if (status === 'removed' && kind === 'bind') removed = REMOVED_BIND_OPTIONS.find((r) => r.name === entry.name);
    }
    out.push({ index: i, name: entry.name, entry, status, values, missingValue: values.length < needed, ...(removed ? { removed } : {}) });
    i = valueStart + values.length;
  }
  return out;
}

/** Where the options of a line start, for the keywords that take bind or server options. */
export interface LineOptions {
  readonly kind: OptionKind;
  /** Index (in the line's words, keyword included) of the first option word. */
  readonly start: number;
}

/**
 * Locates the options on a line given its words (keyword first): `bind <addr> opts`, `server <name>
 * <addr> opts`, `default-server opts`, `server-template <prefix> <n> <fqdn> opts`, and the peers,
 * ring and log-forward variants.
 */
export function lineOptions(words: readonly string[]): LineOptions | undefined {
  switch (words[0]) {
    case 'bind':
    case 'dgram-bind': {
      let i = 1;
      while (i < words.length - 1 && (words[i].endsWith(',') || words[i + 1] === ',' || words[i + 1]?.startsWith(','))) i++;
      return { kind: 'bind', start: Math.min(i + 1, words.length) };
    }
    case 'default-bind':
      return { kind: 'bind', start: 1 };
    case 'default-server':
      return { kind: 'server', start: 1 };
    case 'server': {
      // peers allow `server <name>` without an address for the local peer.
      const third = words[2];
      const addressLess = third !== undefined && getKeyword('server', optionName(third)) !== undefined && !/[:/.]/.test(third);
      return { kind: 'server', start: addressLess ? 2 : Math.min(3, words.length) };
    }
    case 'server-template':
      return { kind: 'server', start: Math.min(4, words.length) };
    default:
      return undefined;
  }
}
