import type { CompileEnv } from '../compile-env';
import type { StreamContext } from '../context';
import { compileExpressionText } from '../expression';
import { sampleToInt } from '../sample';
import { CONTINUE, type ActionFn } from './action-types';

/** Where a track-sc rule runs: connection-level rules count connections, HTTP rules count requests. */
export type TrackLevel = 'connection' | 'content' | 'http';

/** `track-scN <key> [table <name>]`. */
export function compileTrack(index: number, words: string[], level: TrackLevel, proxyName: string, env: CompileEnv): ActionFn {
  const keyText = words[0] ?? 'src';
  const tableAt = words.indexOf('table');
  const tableName = tableAt >= 0 ? words[tableAt + 1] ?? proxyName : proxyName;
  const key = compileExpressionText(keyText, env);
  return (ctx) => {
    if (ctx.trackers[index]) return { kind: 'continue', note: `sc${index} already tracked` };
    const table = ctx.env.tables.get(tableName);
    if (!table) return { kind: 'continue', note: `no stick-table '${tableName}'` };
    const sample = key.one(ctx);
    const k = sample ? table.keyOf(sample) : undefined;
    if (k === undefined) return { kind: 'continue', note: `no key from ${keyText}` };
    const entry = table.getOrCreate(k, ctx.now);
    ctx.trackers[index] = { table, entry };
    if (level === 'http') table.count(entry, 'http_req', ctx.now);
    else {
      table.count(entry, 'conn', ctx.now);
      table.count(entry, 'sess', ctx.now);
    }
    table.set(entry, 'conn_cur', (entry.values.get('conn_cur') ?? 0) + 1);
    return { kind: 'continue', note: `tracking ${tableName}[${k}] in sc${index}` };
  };
}

/** `sc-inc-gpc0(N)`, `sc-inc-gpc1(N)`, `sc-set-gpt0(N) <value>`. */
export function compileCounterAction(name: string, words: string[], env: CompileEnv): ActionFn | undefined {
  const m = /^sc-(inc-gpc0|inc-gpc1|set-gpt0)\((\d)\)$/.exec(name);
  if (!m) return undefined;
  const index = Number(m[2]);
  const value = m[1] === 'set-gpt0' ? compileExpressionText(words[0] ?? '0', env) : undefined;
  return (ctx: StreamContext) => {
    const t = ctx.trackers[index];
    if (!t) return CONTINUE;
    if (m[1] === 'set-gpt0') {
      const v = value?.one(ctx);
      t.table.set(t.entry, 'gpt0', v ? sampleToInt(v) ?? 0 : 0);
    } else t.table.count(t.entry, m[1] === 'inc-gpc0' ? 'gpc0' : 'gpc1', ctx.now);
    return CONTINUE;
  };
}
