import { argumentShapes, getKeyword, keywordsOfKind, type HaproxyVersion, type KeywordEntry, type KeywordKind } from '../model/catalog';
import type { LogFormatPart, SampleCall, SampleExpression, Word } from '../syntax/ast';
import { parseLogFormat } from '../syntax/sample-expression';

/** Fetch names built from a counter number (`sc5_http_req_rate`) are documented under `sc0_`. */
const NUMBERED_COUNTER = /^sc([0-9]+)_/;

/** The catalog entry of a fetch, or in an ACL criterion also of an ACL derivative (`path_beg`). */
export function fetchEntryNamed(name: string, acl: boolean): KeywordEntry | undefined {
  const direct = getKeyword('fetch', name) ?? (acl ? getKeyword('acl-derived', name) : undefined);
  if (direct) return direct;
  const numbered = NUMBERED_COUNTER.exec(name);
  return numbered ? getKeyword('fetch', name.replace(NUMBERED_COUNTER, 'sc0_')) : undefined;
}

/** The call of an expression whose name holds `column` (inclusive of its end), and whether it is the fetch. */
export function callAtColumn(expression: SampleExpression, column: number): { call: SampleCall; fetch: boolean } | undefined {
  const calls = [expression.fetch, ...expression.converters];
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    if (call?.name && call.nameRange.start.column <= column && column <= call.nameRange.end.column) return { call, fetch: i === 0 };
  }
  return undefined;
}

/** The `%[...]` expression or `%var` of a log-format word under `column`. */
export function logFormatPartAt(word: Word, column: number): LogFormatPart | undefined {
  if (!word.raw.includes('%')) return undefined;
  return parseLogFormat(word).parts.find((part) => part.range.start.column <= column && column <= part.range.end.column);
}

const templates = new Map<KeywordKind, { pattern: RegExp; entry: KeywordEntry }[]>();

function templatePattern(name: string): RegExp {
  const parts = name.split(/<[^>]*>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[A-Za-z0-9]+')}$`);
}

/**
 * The entry documenting the call syntax of a name the manual writes as a template: `map_str_int` is
 * `map_<match_type>_<output_type>(<map_name>[,<default_value>])`. Returns `own` when it has a call syntax.
 */
export function callSyntaxEntry(kind: KeywordKind, name: string, version: HaproxyVersion, own = getKeyword(kind, name)): KeywordEntry | undefined {
  if (own && argumentShapes(own, version).some((s) => s.call)) return own;
  let list = templates.get(kind);
  if (!list) {
    list = keywordsOfKind(kind)
      .filter((e) => e.name.includes('<'))
      .map((entry) => ({ entry, pattern: templatePattern(entry.name) }));
    templates.set(kind, list);
  }
  return list.find((t) => t.pattern.test(name))?.entry ?? own;
}
