import type { SampleExpression } from '../syntax/ast';
import { parseSampleText } from '../syntax/sample-expression';
import type { CompileEnv } from './compile-env';
import type { StreamContext } from './context';
import { findConverter, type ConverterFn } from './converters/registry';
import './converters/map';
import './converters/numeric';
import './converters/string';
import './converters/table';
import './fetches/auth';
import './fetches/connection';
import './fetches/counters';
import './fetches/http';
import { findFetch, type FetchDef, type SampleType } from './fetches/registry';
import type { Sample } from './sample';

/** A sample expression compiled once: its fetch, its converter chain, and evaluators. */
export interface CompiledExpression {
  text: string;
  fetchName: string;
  fetch?: FetchDef;
  args: string[];
  type: SampleType;
  /** Every value (ACL context), each passed through the converters. */
  all(ctx: StreamContext): Sample[];
  /** The one value a rule or log-format sees, or undefined when there is none. */
  one(ctx: StreamContext): Sample | undefined;
  /** Set when the expression cannot be evaluated here; evaluating it records this as unsupported. */
  unsupported?: string;
}

const ZERO = { line: 0, column: 0, offset: 0 };

/** Parses expression text such as `req.hdr(host),lower,map(hosts.map)`. */
export function parseExpressionText(text: string): SampleExpression {
  return parseSampleText(text, { start: ZERO, end: ZERO });
}

function converterChain(expr: SampleExpression, env: CompileEnv): { fns: ConverterFn[]; unsupported?: string } {
  const fns: ConverterFn[] = [];
  for (const conv of expr.converters) {
    const args = conv.args.map((a) => a.value);
    if (conv.name === 'set-var' || conv.name === 'unset-var') {
      const name = args[0] ?? '';
      fns.push((input, ctx) => {
        if (conv.name === 'set-var') ctx.vars.set(name, input);
        else ctx.vars.delete(name);
        return input;
      });
      continue;
    }
    const def = findConverter(conv.name);
    if (!def) return { fns, unsupported: `converter '${conv.name}'` };
    const fn = def.compile(args, env);
    if (typeof fn === 'string') {
      env.problems.push({ line: env.line, message: `${conv.name}: ${fn}` });
      return { fns, unsupported: `converter '${conv.name}' (${fn})` };
    }
    fns.push(fn);
  }
  return { fns };
}

/** Output type of a converter, as far as ACL default matching needs it. */
function converterType(name: string): SampleType {
  if (/^(length|add|sub|mul|div|mod|and|or|xor|neg|cpl|djb2|sdbm|wt6|crc32|strcmp|table_.*|map_.*_int)$/.test(name)) return 'int';
  if (/^(bool|not|even|odd|in_table)$/.test(name)) return 'bool';
  if (/^(ipmask|ipv4|map_.*_ip)$/.test(name)) return 'ip';
  return 'str';
}

/** Compiles a parsed sample expression, with an optional fetch name override (ACL derivatives). */
export function compileExpression(expr: SampleExpression, env: CompileEnv, fetchOverride?: string): CompiledExpression {
  const fetchName = fetchOverride ?? expr.fetch?.name ?? '';
  const args = expr.fetch?.args.map((a) => a.value) ?? [];
  const fetch = findFetch(fetchName);
  const chain = converterChain(expr, env);
  const unsupported = !fetch ? `fetch '${fetchName}'` : chain.unsupported;
  if (unsupported) env.unsupported.add(unsupported);
  const apply = (ctx: StreamContext, s: Sample): Sample | undefined => {
    let cur: Sample | undefined = s;
    for (const fn of chain.fns) {
      if (!cur) return undefined;
      cur = fn(cur, ctx);
    }
    return cur;
  };
  const raw = (ctx: StreamContext): Sample[] => {
    if (unsupported || !fetch) {
      ctx.unsupported.add(unsupported ?? fetchName);
      return [];
    }
    return fetch.run(ctx, args);
  };
  return {
    text: expr.text,
    fetchName,
    fetch,
    args,
    type: expr.converters.length ? converterType(expr.converters[expr.converters.length - 1].name) : fetch?.type ?? 'str',
    unsupported,
    all(ctx) {
      const out: Sample[] = [];
      for (const s of raw(ctx)) {
        const v = apply(ctx, s);
        if (v) out.push(v);
      }
      return out;
    },
    one(ctx) {
      const values = raw(ctx);
      if (!values.length) return undefined;
      const s = fetch?.pick === 'last' ? values[values.length - 1] : values[0];
      return apply(ctx, s);
    },
  };
}

/** Compiles expression text. */
export function compileExpressionText(text: string, env: CompileEnv): CompiledExpression {
  return compileExpression(parseExpressionText(text), env);
}
