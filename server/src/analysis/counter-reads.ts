import type { Proxy } from '../model/config-model';
import type { Directive, Range, Word } from '../syntax/ast';
import { subRange } from '../syntax/positions';
import { ProxyMemo } from './proxy-memo';
import { valueWordsOf } from '../model/directive-words';

/** What a fetch suffix reads from a stick table (`http_req_rate`, `kbytes_in` -> `bytes_in_cnt`...). */
const DATA_TYPES: Record<string, string> = {
  kbytes_in: 'bytes_in_cnt',
  kbytes_out: 'bytes_out_cnt',
  get_gpc0: 'gpc0',
  get_gpc1: 'gpc1',
  inc_gpc0: 'gpc0',
  inc_gpc1: 'gpc1',
  clr_gpc0: 'gpc0',
  clr_gpc1: 'gpc1',
  get_gpt0: 'gpt0',
  get_gpc: 'gpc',
  inc_gpc: 'gpc',
  clr_gpc: 'gpc',
  get_gpt: 'gpt',
};
for (const plain of [
  'conn_cnt', 'conn_cur', 'conn_rate', 'sess_cnt', 'sess_rate', 'http_req_cnt', 'http_req_rate', 'http_err_cnt', 'http_err_rate',
  'http_fail_cnt', 'http_fail_rate', 'bytes_in_cnt', 'bytes_out_cnt', 'bytes_in_rate', 'bytes_out_rate', 'glitch_cnt', 'glitch_rate',
  'gpc0', 'gpc1', 'gpc0_rate', 'gpc1_rate', 'gpt0', 'gpc', 'gpc_rate', 'gpt',
]) {
  DATA_TYPES[plain] = plain;
}

/** Data types stored as arrays (`gpc(4)`); their fetches take the array index first. */
export const ARRAY_TYPES: ReadonlySet<string> = new Set(['gpc', 'gpc_rate', 'gpt']);

/** One read of (or update to) a stick-table counter. */
export interface CounterRead {
  /** The fetch, converter or action as written, e.g. `sc0_http_req_rate`. */
  name: string;
  range: Range;
  dataType: string;
  /** The tracking counter number (scN), when the read goes through one. */
  counter?: number;
  /** The table named explicitly in the arguments. */
  table?: string;
  /** `src_*` fetches read the proxy's own table unless given one. */
  ownTable: boolean;
  /** For array types, the index read. */
  index?: number;
  directive: Directive;
}

const FETCH = /(?<![\w.-])(sc(\d+)_|sc_|src_|table_)([a-z0-9_]+)(?:\(([^()]*)\))?/g;
const ACTION = /^sc-(?:inc|set|add|clr)-(gpc0|gpc1|gpt0|gpc|gpt)\(([^()]*)\)/;

function readsIn(word: Word, directive: Directive, reads: CounterRead[]): void {
  const raw = word.raw;
  const action = ACTION.exec(raw);
  if (action) {
    const args = action[2].split(',').map((a) => a.trim());
    const isArray = ARRAY_TYPES.has(action[1]);
    const counter = Number(isArray ? args[1] : args[0]);
    reads.push({
      name: raw.slice(0, raw.indexOf('(')),
      range: subRange(word.range, 0, raw.indexOf('(')),
      dataType: action[1],
      counter: Number.isInteger(counter) ? counter : undefined,
      ownTable: false,
      index: isArray ? Number(args[0]) : undefined,
      directive,
    });
    return;
  }
  for (const match of raw.matchAll(FETCH)) {
    const [text, prefix, digits, suffix, argText] = match;
    const dataType = DATA_TYPES[suffix];
    if (!dataType) continue;
    const args = argText === undefined ? [] : argText.split(',').map((a) => a.trim());
    const isArray = ARRAY_TYPES.has(dataType);
    const index = isArray ? Number(args.shift()) : undefined;
    const name = text.slice(0, prefix.length + suffix.length);
    const read: CounterRead = { name, range: subRange(word.range, match.index, match.index + name.length), dataType, ownTable: false, index, directive };
    if (digits !== undefined) {
      read.counter = Number(digits);
      read.table = args[0] || undefined;
    } else if (prefix === 'sc_') {
      read.counter = Number(args[0]);
      read.table = args[1] || undefined;
    } else if (prefix === 'src_') {
      read.table = args[0] || undefined;
      read.ownTable = read.table === undefined;
    } else {
      read.table = args[0] || undefined;
      if (!read.table) continue;
    }
    reads.push(read);
  }
}

const MAY_READ = /sc|src_|table_/;
const NO_READS: readonly CounterRead[] = [];

function readsInWords(words: readonly Word[], directive: Directive, found: CounterRead[]): void {
  for (let i = 0; i < words.length; i++) if (MAY_READ.test(words[i].raw)) readsIn(words[i], directive, found);
}

const reads = new ProxyMemo<readonly CounterRead[]>((proxy) => {
  const found: CounterRead[] = [];
  const directives = proxy.directives;
  for (let d = 0; d < directives.length; d++) {
    const directive = directives[d];
    if (directive.keyword.value === 'stick-table') continue;
    readsInWords(valueWordsOf(directive), directive, found);
  }
  return found.length > 0 ? found : NO_READS;
});

/** Every counter read or update written in a proxy: ACLs, conditions, actions, log formats. */
export function counterReads(proxy: Proxy): readonly CounterRead[] {
  return reads.of(proxy);
}
