import type { Directive, Range, Section, Word } from '../syntax/ast';
import { subRange } from '../syntax/positions';
import { valueWordsOf } from './directive-words';
import type { Proxy, SymbolKind, SymbolReference } from './config-model';

/** Characters HAProxy accepts in the names of proxies, servers, tables and other sections. */
const NAME = /^[A-Za-z0-9_:.-]+$/;

/**
 * References that hide inside words or need the whole model: `track [be/]srv`, fetch and converter arguments
 * naming a backend, frontend, server or table (`nbsrv(be)`, `srv_is_up(be/srv)`, `table_http_req_rate(tbl)`),
 * users and groups of userlists, and a few keyword arguments (`use-fcgi-app`, `email-alert mailers`,
 * `filter cache`, `do-resolve`, `log ... profile`), for one section. A server named with its backend
 * (`be/srv`) is returned in `scoped` too: its `scope` is the backend of that name, set by the caller once every
 * proxy is known (`resolveServerScopes`).
 */
export function collectSectionCrossReferences(section: Section, proxy: Proxy | undefined): { references: SymbolReference[]; scoped: SymbolReference[] } {
  const references: SymbolReference[] = [];
  const scoped: SymbolReference[] = [];
  const push: Push = (reference, needsScope = false) => {
    const full = { ...reference, dynamic: false };
    references.push(full);
    if (needsScope) scoped.push(full);
  };
  if (proxy) {
    for (const directive of proxy.directives) {
      collectTrack(proxy, directive, push);
      collectKeywordArguments(proxy, directive, push);
      for (const word of valueWordsOf(directive)) if (word.raw.includes('(')) collectCallArguments(proxy, directive, word, push);
    }
    collectAuthGroups(proxy, push);
  }
  if (section.type === 'userlist' && section.name) collectUserlistMembers(section, section.name.value, push);
  if (section.type === 'global') {
    for (const directive of section.directives) collectRingLog(directive, push);
  }
  return { references, scoped };
}

/** Points each `backend/server` reference at the backend of that name (undefined when there is none). */
export function resolveServerScopes(scoped: readonly SymbolReference[], findBackend: (name: string) => Proxy | undefined): void {
  for (const reference of scoped) reference.scope = findBackend(reference.scopeName!);
}

type Push = (reference: Omit<SymbolReference, 'dynamic'>, needsScope?: boolean) => void;

function collectTrack(proxy: Proxy, directive: Directive, push: Push): void {
  const keyword = directive.keyword.value;
  if (keyword !== 'server' && keyword !== 'default-server') return;
  const args = directive.args;
  for (let i = 1; i < args.length; i++) {
    if (args[i - 1].value === 'track' && !args[i].quoted) serverPath(proxy, directive, args[i], 0, args[i].raw.length, push);
  }
}

/** `[backend/]server` inside `word` from `start` to `end`: a backend reference and a server reference. */
function serverPath(proxy: Proxy, directive: Directive, word: Word, start: number, end: number, push: Push): void {
  const text = word.raw.slice(start, end);
  const slash = text.indexOf('/');
  const serverName = text.slice(slash + 1);
  if (!NAME.test(serverName)) return;
  if (slash < 0) {
    push({ kind: 'server', name: serverName, range: subRange(word.range, start, end), scope: proxy, scopeName: proxy.name, directive });
    return;
  }
  const scopeName = text.slice(0, slash);
  if (!NAME.test(scopeName)) return;
  push({ kind: 'backend', name: scopeName, range: subRange(word.range, start, start + slash), scope: proxy, directive });
  push({ kind: 'server', name: serverName, range: subRange(word.range, start + slash + 1, end), scope: undefined, scopeName, directive }, true);
}

const BACKEND_FETCHES = new Set(['avg_queue', 'be_conn', 'be_conn_free', 'be_sess_rate', 'connslots', 'nbsrv', 'queue']);
const FRONTEND_FETCHES = new Set(['fe_conn', 'fe_req_rate', 'fe_sess_rate']);
const SERVER_FETCHES = new Set(['srv_conn', 'srv_conn_free', 'srv_is_up', 'srv_iweight', 'srv_queue', 'srv_sess_rate', 'srv_uweight', 'srv_weight']);
/** Stick-counter fetches and table converters whose first argument is an index, so the table comes one later. */
const INDEXED_COUNTER = /_(?:clr_gpc|get_gpc|get_gpt|gpc_rate|inc_gpc|gpc|gpt)$/;

/** Which argument of a fetch or converter names a symbol, if any. */
function namedArgument(name: string): { index: number; kind: SymbolKind | 'server-path' } | undefined {
  if (BACKEND_FETCHES.has(name)) return { index: 0, kind: 'backend' };
  if (FRONTEND_FETCHES.has(name)) return { index: 0, kind: 'frontend' };
  if (SERVER_FETCHES.has(name)) return { index: 0, kind: 'server-path' };
  if (name === 'in_table' || /^sc[0-9]_/.test(name)) return { index: 0, kind: 'table' };
  if (name.startsWith('sc_')) return { index: INDEXED_COUNTER.test(name) ? 2 : 1, kind: 'table' };
  if (name.startsWith('src_') || name.startsWith('table_')) return { index: INDEXED_COUNTER.test(name) ? 1 : 0, kind: 'table' };
  if (name === 'do-resolve') return { index: 1, kind: 'resolvers' };
  return undefined;
}

const CALL = /(?<![\w.-])([a-z][\w.-]*)\(/g;

function collectCallArguments(proxy: Proxy, directive: Directive, word: Word, push: Push): void {
  for (const match of word.raw.matchAll(CALL)) {
    const role = namedArgument(match[1]);
    if (!role) continue;
    const arg = callArguments(word.raw, (match.index ?? 0) + match[0].length)[role.index];
    if (!arg) continue;
    if (role.kind === 'server-path') {
      serverPath(proxy, directive, word, arg.start, arg.end, push);
      continue;
    }
    const name = word.raw.slice(arg.start, arg.end);
    if (NAME.test(name) || (role.kind === 'table' && /^[A-Za-z0-9_:.-]+\/[A-Za-z0-9_:.-]+$/.test(name))) {
      push({ kind: role.kind, name, range: subRange(word.range, arg.start, arg.end), scope: proxy, directive });
    }
  }
}

/** Offsets of the comma-separated arguments starting at `from`, up to the closing parenthesis. */
function callArguments(raw: string, from: number): { start: number; end: number }[] {
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if ((c === ',' || c === ')') && depth === 0) {
      args.push({ start, end: i });
      if (c === ')') return args;
      start = i + 1;
    }
  }
  return args;
}

function collectKeywordArguments(proxy: Proxy, directive: Directive, push: Push): void {
  const keyword = directive.keyword.value;
  const args = directive.args;
  const at = (kind: SymbolKind, word: Word | undefined) => {
    if (word && NAME.test(word.raw)) push({ kind, name: word.value, range: word.range, scope: proxy, directive });
  };
  if (keyword === 'use-fcgi-app') at('fcgi-app', args[0]);
  if (keyword === 'email-alert' && args[0]?.value === 'mailers') at('mailers', args[1]);
  if (keyword === 'filter' && args[0]?.value === 'cache') at('cache', args[1]);
  if (keyword === 'log') {
    for (let i = 1; i < args.length; i++) if (args[i - 1].value === 'profile') at('log-profile', args[i]);
  }
}

/** `log ring@NAME` in the global section (the model reads those of proxies). */
function collectRingLog(directive: Directive, push: Push): void {
  const target = directive.args[0];
  if (directive.keyword.value !== 'log' || !target?.raw.startsWith('ring@')) return;
  const name = target.raw.slice(5);
  if (NAME.test(name)) push({ kind: 'ring', name, range: subRange(target.range, 5, target.raw.length), directive });
}

/** `acl admins http_auth_group(LIST) admin ops`: the patterns are groups of userlist LIST. */
function collectAuthGroups(proxy: Proxy, push: Push): void {
  for (const acls of proxy.acls.values()) {
    for (const acl of acls) {
      const criterion = acl.criterion;
      if (criterion?.expression.fetch?.name !== 'http_auth_group') continue;
      const list = criterion.expression.fetch.args[0]?.value;
      if (!list) continue;
      for (const pattern of criterion.patterns) {
        if (NAME.test(pattern.raw)) push({ kind: 'group', name: pattern.value, range: pattern.range, scope: proxy, scopeName: list, directive: acl.directive });
      }
    }
  }
}

/** `user U groups g1,g2` and `group G users u1,u2` inside userlist LIST. */
function collectUserlistMembers(section: Section, list: string, push: Push): void {
  for (const directive of section.directives) {
    const keyword = directive.keyword.value;
    if (keyword !== 'user' && keyword !== 'group') continue;
    const memberKind: SymbolKind = keyword === 'user' ? 'group' : 'user';
    const args = directive.args;
    for (let i = 2; i < args.length; i++) {
      if (args[i - 1].value !== (keyword === 'user' ? 'groups' : 'users') || args[i].quoted) continue;
      for (const item of commaItems(args[i])) push({ kind: memberKind, name: item.name, range: item.range, scopeName: list, directive });
    }
  }
}

function commaItems(word: Word): { name: string; range: Range }[] {
  const items: { name: string; range: Range }[] = [];
  let start = 0;
  for (const part of word.raw.split(',')) {
    if (NAME.test(part)) items.push({ name: part, range: subRange(word.range, start, start + part.length) });
    start += part.length + 1;
  }
  return items;
}

