import { hashCrc32, hashDjb2, hashSdbm, hashWt6, avalanche } from '../balance/hash-functions';
import { maskIp, parseIp, parseNetwork } from '../ip';
import { bool, int, ipSample, sampleToInt, sampleToIp, sampleToString, type Sample } from '../sample';
import type { StreamContext } from '../context';
import { registerConverters, simple } from './registry';

/** An argument that is a number or the name of a variable holding one. */
function operand(arg: string | undefined, ctx: StreamContext): number | undefined {
  if (arg === undefined) return undefined;
  if (/^-?\d+$/.test(arg)) return Number(arg);
  const v = ctx.vars.get(arg);
  return v ? sampleToInt(v) : undefined;
}

const wrap = (n: number): number => {
  const m = BigInt.asIntN(64, BigInt(Math.trunc(n)));
  return Number(m);
};

function arith(name: string, fn: (a: number, b: number) => number | undefined) {
  return simple(name, (x, [arg], ctx) => {
    const a = sampleToInt(x);
    const b = operand(arg, ctx);
    if (a === undefined || b === undefined) return undefined;
    const r = fn(a, b);
    return r === undefined ? undefined : int(wrap(r));
  });
}

function hashConv(name: string, fn: (k: string) => number) {
  return simple(name, (x, [avl]) => {
    const h = fn(sampleToString(x));
    return int(avl === '1' ? avalanche(h) : h);
  });
}

registerConverters([
  arith('add', (a, b) => a + b),
  arith('sub', (a, b) => a - b),
  arith('mul', (a, b) => a * b),
  arith('div', (a, b) => (b === 0 ? Number.MAX_SAFE_INTEGER : Math.trunc(a / b))),
  arith('mod', (a, b) => (b === 0 ? 0 : a % b)),
  arith('and', (a, b) => Number(BigInt(a) & BigInt(b))),
  arith('or', (a, b) => Number(BigInt(a) | BigInt(b))),
  arith('xor', (a, b) => Number(BigInt(a) ^ BigInt(b))),
  simple('neg', (x) => {
    const a = sampleToInt(x);
    return a === undefined ? undefined : int(-a);
  }),
  simple('cpl', (x) => {
    const a = sampleToInt(x);
    return a === undefined ? undefined : int(~a);
  }),
  simple('not', (x) => bool(!(sampleToInt(x) ?? 0))),
  simple('bool', (x) => bool(!!(sampleToInt(x) ?? 0))),
  hashConv('djb2', hashDjb2),
  hashConv('sdbm', hashSdbm),
  hashConv('wt6', hashWt6),
  hashConv('crc32', hashCrc32),
  simple('ipmask', (x: Sample, [mask4 = '32', mask6 = '128']) => {
    const ip = sampleToIp(x);
    if (!ip) return undefined;
    const m = ip.family === 4 ? mask4 : mask6;
    const prefix = /^\d+$/.test(m) ? Number(m) : parseNetwork(`0.0.0.0/${m}`)?.prefix;
    if (prefix === undefined) return undefined;
    return ipSample(maskIp(ip, prefix));
  }),
  simple('ipv4', (x) => {
    const ip = parseIp(sampleToString(x));
    return ip ? ipSample(ip) : undefined;
  }),
]);
