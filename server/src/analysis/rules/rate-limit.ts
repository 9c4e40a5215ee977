import type { ConfigModel, Proxy } from '../../model/config-model';
import { ARRAY_TYPES, counterReads, type CounterRead } from '../counter-reads';
import { appendToDirective, insertAfterHeader, lineBreakOf } from '../edits';
import type { Fix, TextEdit } from '../finding';
import { ListFilter } from '../list-tracker';
import { bindScope, isTlsBind } from '../listeners';
import { ownDirective, settingChain } from '../proxy-settings';
import type { Rule, RuleContext } from '../rule';
import { routesTo } from '../routes';
import { stickTables, trackActions, type StickTable } from '../stick-tables';

/** Tables a `scN` read can land in: those tracked on counter N by the proxy, its defaults, or (for a backend) the frontends routing to it. */
function trackedTables(model: ConfigModel, proxy: Proxy, counter: number): string[] {
  const sources: Proxy[] = [...settingChain(proxy)];
  if (proxy.kind === 'backend' || proxy.kind === 'listen') for (const route of routesTo(model, proxy)) sources.push(...settingChain(route.from));
  const names = new Set<string>();
  for (const source of sources) for (const track of trackActions(source)) if (track.counter === counter) names.add(track.tableName);
  return [...names];
}

function tablesRead(model: ConfigModel, proxy: Proxy, read: CounterRead, tracked: Map<number, string[]>): string[] {
  if (read.table) return [read.table];
  if (read.ownTable) return [proxy.name];
  if (read.counter === undefined) return [];
  let names = tracked.get(read.counter);
  if (!names) {
    names = trackedTables(model, proxy, read.counter);
    tracked.set(read.counter, names);
  }
  return names;
}

const RATE_PERIOD = /_rate\(([^)]+)\)/;
const ADDRESS_KEY = /^(?:src|dst)(?:$|,)/;

function storedTypeText(table: StickTable, dataType: string, index: number | undefined): string {
  const period = RATE_PERIOD.exec(table.storeWord?.value ?? '')?.[1] ?? '10s';
  if (!ARRAY_TYPES.has(dataType)) return dataType.endsWith('_rate') ? `${dataType}(${period})` : dataType;
  const size = Number.isInteger(index) ? index! + 1 : 1;
  return dataType === 'gpc_rate' ? `gpc_rate(${size},${period})` : `${dataType}(${size})`;
}

function storeFix(table: StickTable, dataType: string, index: number | undefined): Fix {
  const text = storedTypeText(table, dataType, index);
  const edit: TextEdit = table.storeWord ? { range: { start: table.storeWord.range.end, end: table.storeWord.range.end }, newText: `,${text}` } : appendToDirective(table.directive, `store ${text}`);
  return { title: `Store ${text} in table '${table.name}'`, edits: [edit], preferred: true };
}

function checkReads(context: RuleContext, proxy: Proxy, reads: readonly CounterRead[], tables: Map<string, StickTable>): void {
  const tracked = new Map<number, string[]>();
  for (const read of reads) {
    for (const name of tablesRead(context.model, proxy, read, tracked)) {
      const table = tables.get(name);
      if (!table || table.stored.has(read.dataType)) continue;
      context.report({
        message: `'${read.name}' reads ${read.dataType} from table '${table.name}' (line ${table.directive.range.start.line + 1}), which does not store it, so it is always empty.`,
        range: read.range,
        fixes: () => [storeFix(table, read.dataType, read.index)],
      });
    }
  }
}

function checkTracks(context: RuleContext, proxy: Proxy): void {
  if (proxy.kind === 'defaults') return;
  const tracks = trackActions(proxy);
  if (tracks.length === 0 || ownDirective(proxy, 'stick-table')) return;
  for (const track of tracks) {
    if (track.tableWord) continue;
    const key = track.directive.args[track.directive.args.indexOf(track.word) + 1]?.value ?? '';
    const type = ADDRESS_KEY.test(key) ? 'ip' : 'string len 64';
    const store = proxy.mode === 'http' ? 'http_req_rate(10s)' : 'conn_rate(10s)';
    context.report({
      message: `'${track.word.value}' names no table and ${proxy.kind} '${proxy.name}' has no stick-table; HAProxy refuses to start.`,
      range: track.word.range,
      severity: 'error',
      fixes: () => [{ title: `Add a stick-table to ${proxy.kind} '${proxy.name}'`, edits: [insertAfterHeader(context.file, proxy.section, [`stick-table type ${type} size 100k expire 10m store ${store}`])], preferred: true }],
    });
  }
}

const RATE_FETCHES = /(?:^|[^\w.])(?:sc\d*_|src_|fe_sess_rate|fe_req_rate|fe_conn)/;

function limitsRate(proxy: Proxy): boolean {
  const chain = settingChain(proxy);
  for (let c = 0; c < chain.length; c++) {
    if (trackActions(chain[c]).length > 0) return true;
    const directives = chain[c].directives;
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      if (directive.keyword.value === 'rate-limit' && directive.args[0]?.value === 'sessions') return true;
      for (let a = 0; a < directive.args.length; a++) if (RATE_FETCHES.test(directive.args[a].raw)) return true;
    }
  }
  return false;
}

function servesPublicTls(proxy: Proxy): boolean {
  for (let i = 0; i < proxy.binds.length; i++) if (isTlsBind(proxy.binds[i]) && bindScope(proxy.binds[i]) === 'public') return true;
  return false;
}

function checkPublicFrontend(context: RuleContext, proxy: Proxy): void {
  if ((proxy.kind !== 'frontend' && proxy.kind !== 'listen') || proxy.mode !== 'http') return;
  if (!servesPublicTls(proxy)) return;
  if (limitsRate(proxy) || counterReads(proxy).length > 0) return;
  context.report({
    message: `Public HTTPS ${proxy.kind} '${proxy.name}' has no rate limiting (no track-sc rule, stick table or rate-limit); one client can flood the backends.`,
    range: (proxy.nameWord ?? proxy.section.keyword).range,
    severity: 'info',
  });
}

/** Proxies that read stick-table counters. */
const counterReaders = new ListFilter<Proxy>((proxy) => counterReads(proxy).length > 0);

/**
 * Reports rate limiting that cannot work: counters read from a table that does not store them, `track-scN` with
 * no table to feed; and public HTTPS frontends without any rate limiting (info). The reads need the tables of the
 * whole config (and the frontends routing to a backend); the rest is a matter of the section and its defaults.
 */
export const rateLimitRule: Rule = {
  name: 'rate-limit',
  defaultSeverity: 'warning',
  description: 'A rate-limit counter is read from a table that does not store it, a track-sc has no table, or a public HTTPS frontend has no rate limiting.',
  fileFacts: ({ file }) => lineBreakOf(file),
  checkSection(context) {
    const proxy = context.proxy;
    if (!proxy) return;
    checkTracks(context, proxy);
    checkPublicFrontend(context, proxy);
  },
  check(context) {
    const readers = counterReaders.of(context.model.proxies);
    if (readers.length === 0) return;
    const tables = stickTables(context.model);
    for (const proxy of readers) checkReads(context, proxy, counterReads(proxy), tables);
  },
};
