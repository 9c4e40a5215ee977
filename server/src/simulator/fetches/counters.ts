import { bool, int, type Sample } from '../sample';
import type { StreamContext, TrackedCounter } from '../context';
import type { StickEntry, StickTable } from '../stick-tables';
import { registerFetchResolver, type FetchDef } from './registry';

const RATE_COUNTERS = new Set(['conn_rate', 'sess_rate', 'http_req_rate', 'http_err_rate', 'gpc0_rate', 'gpc1_rate', 'bytes_in_rate', 'bytes_out_rate', 'http_fail_rate']);

/** Reads one data type of an entry; undefined when the table does not store it. */
function readCounter(table: StickTable, entry: StickEntry | undefined, counter: string, now: number, ctx: StreamContext): number | undefined {
  if (RATE_COUNTERS.has(counter)) return entry ? table.rate(entry, counter, now) : table.stores(counter) ? 0 : undefined;
  switch (counter) {
    case 'get_gpc0':
    case 'get_gpc1':
      return entry ? table.value(entry, counter.slice(4)) : table.stores(counter.slice(4)) ? 0 : undefined;
    case 'get_gpt0':
      return entry ? table.value(entry, 'gpt0') : table.stores('gpt0') ? 0 : undefined;
    case 'inc_gpc0':
    case 'inc_gpc1': {
      const name = counter.slice(4);
      if (!entry || !table.stores(name)) return entry ? undefined : 0;
      table.count(entry, name as 'gpc0' | 'gpc1', now);
      ctx.trace.add('counter', 0, `${counter} on ${table.spec.name}[${entry.key}]`, { detail: `now ${table.value(entry, name)}` });
      return table.value(entry, name);
    }
    case 'clr_gpc0':
    case 'clr_gpc1': {
      const name = counter.slice(4);
      if (!entry) return 0;
      const before = table.value(entry, name);
      table.set(entry, name, 0);
      return before;
    }
    case 'conn_cnt':
    case 'conn_cur':
    case 'sess_cnt':
    case 'http_req_cnt':
    case 'http_err_cnt':
    case 'http_fail_cnt':
    case 'bytes_in_cnt':
    case 'bytes_out_cnt':
    case 'server_id':
      return entry ? table.value(entry, counter) : table.stores(counter) ? 0 : undefined;
    case 'kbytes_in':
    case 'kbytes_out':
      return entry ? Math.floor((table.value(entry, counter.replace('kbytes', 'bytes') + '_cnt') ?? 0) / 1024) : 0;
    default:
      return undefined;
  }
}

const KNOWN = new Set([
  'conn_cnt', 'conn_cur', 'conn_rate', 'sess_cnt', 'sess_rate', 'http_req_cnt', 'http_req_rate', 'http_err_cnt', 'http_err_rate',
  'http_fail_cnt', 'http_fail_rate', 'get_gpc0', 'get_gpc1', 'gpc0_rate', 'gpc1_rate', 'inc_gpc0', 'inc_gpc1', 'clr_gpc0', 'clr_gpc1',
  'get_gpt0', 'bytes_in_rate', 'bytes_out_rate', 'kbytes_in', 'kbytes_out', 'trackers', 'tracked', 'server_id',
]);

function fromTracker(ctx: StreamContext, index: number, tableName: string | undefined): { t?: TrackedCounter; table?: StickTable } {
  const t = ctx.trackers[index];
  if (!t) return {};
  if (tableName && t.table.spec.name !== tableName) {
    const other = ctx.env.tables.get(tableName);
    return other ? { table: other, t: { table: other, entry: other.lookup(t.entry.key, ctx.now) ?? t.entry } } : {};
  }
  return { t, table: t.table };
}

function counterFetch(name: string, counter: string, source: { sc?: number; scArg?: boolean; src?: boolean }): FetchDef {
  const isBool = counter === 'tracked';
  return {
    name,
    type: isBool ? 'bool' : 'int',
    run(ctx, args): Sample[] {
      if (counter === 'tracked') {
        const idx = source.scArg ? Number(args[0]) : source.sc ?? 0;
        return [bool(!!ctx.trackers[idx])];
      }
      let table: StickTable | undefined;
      let entry: StickEntry | undefined;
      if (source.src) {
        const tableName = args[0] || ctx.currentProxy;
        table = ctx.env.tables.get(tableName);
        if (!table) return [];
        const key = table.keyOf({ type: 'ip', value: ctx.src });
        if (key === undefined) return [];
        entry = counter.startsWith('inc_') ? table.getOrCreate(key, ctx.now) : table.lookup(key, ctx.now);
      } else {
        const idx = source.scArg ? Number(args[0]) : source.sc ?? 0;
        const tableArg = source.scArg ? args[1] : args[0];
        const found = fromTracker(ctx, idx, tableArg);
        if (!found.t) return [int(0)];
        table = found.table;
        entry = found.t.entry;
      }
      if (!table) return [];
      if (counter === 'trackers') return [int(entry ? ctx.trackers.filter((t) => t && t.entry === entry).length : 0)];
      const v = readCounter(table, entry, counter, ctx.now, ctx);
      return v === undefined ? [] : [int(v)];
    },
  };
}

registerFetchResolver((name) => {
  let m = /^sc_([a-z0-9_]+)$/.exec(name);
  if (m && KNOWN.has(m[1])) return counterFetch(name, m[1], { scArg: true });
  m = /^sc([0-9])_([a-z0-9_]+)$/.exec(name);
  if (m && KNOWN.has(m[2])) return counterFetch(name, m[2], { sc: Number(m[1]) });
  m = /^src_([a-z0-9_]+)$/.exec(name);
  if (m && KNOWN.has(m[1])) return counterFetch(name, m[1], { src: true });
  return undefined;
});
