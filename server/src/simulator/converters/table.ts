import { bool, int } from '../sample';
import { registerConverterResolver, registerConverters, type ConverterDef } from './registry';

const RATE = new Set(['conn_rate', 'sess_rate', 'http_req_rate', 'http_err_rate', 'gpc0_rate', 'gpc1_rate', 'bytes_in_rate', 'bytes_out_rate']);

function tableConverter(name: string, data: string): ConverterDef {
  return {
    name,
    compile: ([tableName = '']) => (input, ctx) => {
      const table = ctx.env.tables.get(tableName);
      if (!table) return undefined;
      const key = table.keyOf(input);
      const entry = key === undefined ? undefined : table.lookup(key, ctx.now);
      if (!entry) return undefined;
      if (RATE.has(data)) {
        const r = table.rate(entry, data, ctx.now);
        return r === undefined ? undefined : int(r);
      }
      const v = table.value(entry, data);
      return v === undefined ? undefined : int(v);
    },
  };
}

registerConverters([
  {
    name: 'in_table',
    compile: ([tableName = '']) => (input, ctx) => {
      const table = ctx.env.tables.get(tableName);
      const key = table?.keyOf(input);
      return bool(!!(table && key !== undefined && table.lookup(key, ctx.now)));
    },
  },
]);

registerConverterResolver((name) => {
  const m = /^table_([a-z0-9_]+)$/.exec(name);
  if (!m) return undefined;
  const data = m[1] === 'gpc0' || m[1] === 'gpc1' || m[1] === 'gpt0' ? m[1] : m[1];
  return tableConverter(name, data);
});
