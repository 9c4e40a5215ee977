import { getKeyword, type KeywordEntry } from '../model/catalog';
import type { SampleCall } from '../syntax/ast';

/** Fetch names built from a counter number (`sc1_http_req_rate`), looked up under their `sc0_` spelling. */
const NUMBERED_COUNTER = /^sc([0-9]+)_/;

/** The catalog entry of a fetch (or, in an ACL criterion, an ACL derivative such as `path_beg`). */
export function fetchEntry(call: SampleCall, acl: boolean): KeywordEntry | undefined {
  const name = call.name;
  const direct = getKeyword('fetch', name) ?? (acl ? getKeyword('acl-derived', name) : undefined);
  if (direct) return direct;
  const numbered = NUMBERED_COUNTER.exec(name);
  if (numbered && Number(numbered[1]) > 2) return getKeyword('fetch', name.replace(NUMBERED_COUNTER, 'sc0_'));
  return undefined;
}

/** The catalog entry of a converter. */
export function converterEntry(call: SampleCall): KeywordEntry | undefined {
  return getKeyword('converter', call.name);
}

/** Names registered at run time by Lua (`lua.name`), which no catalog can know. */
export function isRuntimeName(name: string): boolean {
  return name.startsWith('lua.');
}
