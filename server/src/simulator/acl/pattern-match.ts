import { networkContains, parseNetwork, type IpNetwork } from '../ip';
import { sampleToBool, sampleToInt, sampleToIp, sampleToString, type Sample } from '../sample';

export type MatchMethod = 'str' | 'beg' | 'end' | 'sub' | 'dir' | 'dom' | 'reg' | 'len' | 'int' | 'ip' | 'found' | 'bool' | 'bin' | 'meth';

export const MATCH_METHODS: ReadonlySet<string> = new Set(['str', 'beg', 'end', 'sub', 'dir', 'dom', 'reg', 'len', 'int', 'ip', 'found', 'bool', 'bin', 'meth']);

/** A compiled pattern list: tells which pattern (index) a sample matches first, or -1. */
export interface PatternSet {
  method: MatchMethod;
  size: number;
  match(sample: Sample): number;
  /** Problems met while compiling (bad regex, bad address), for the trace. */
  errors: string[];
}

/** Translates a PCRE pattern to a JavaScript RegExp (leading `(?i)` becomes the `i` flag). */
export function compileRegex(source: string, ignoreCase: boolean): RegExp | string {
  let body = source;
  let flags = ignoreCase ? 'i' : '';
  if (body.startsWith('(?i)')) {
    body = body.slice(4);
    if (!flags.includes('i')) flags += 'i';
  }
  try {
    return new RegExp(body, flags);
  } catch (err) {
    return `invalid regular expression '${source}': ${err instanceof Error ? err.message : String(err)}`;
  }
}

type Range = { min: number; max: number };

function parseIntPattern(text: string, op: string | undefined): Range | undefined {
  const n = (s: string): number | undefined => (/^[-+]?\d+$/.test(s) ? Number(s) : undefined);
  if (op) {
    const v = n(text);
    if (v === undefined) return undefined;
    switch (op) {
      case 'eq':
        return { min: v, max: v };
      case 'ge':
        return { min: v, max: Infinity };
      case 'gt':
        return { min: v + 1, max: Infinity };
      case 'le':
        return { min: -Infinity, max: v };
      case 'lt':
        return { min: -Infinity, max: v - 1 };
      default:
        return undefined;
    }
  }
  const colon = text.indexOf(':');
  if (colon < 0) {
    const v = n(text);
    return v === undefined ? undefined : { min: v, max: v };
  }
  const lo = text.slice(0, colon);
  const hi = text.slice(colon + 1);
  const min = lo === '' ? -Infinity : n(lo);
  const max = hi === '' ? Infinity : n(hi);
  if (min === undefined || max === undefined) return undefined;
  return { min, max };
}

const DIR_DELIMS = '/?';
const DOM_DELIMS = '/?.:';

/** HAProxy's word match: the pattern, stripped of edge delimiters, must sit between delimiters in the sample. */
export function matchWord(sample: string, pattern: string, delims: string, ignoreCase: boolean): boolean {
  let p = pattern;
  while (p && delims.includes(p[0])) p = p.slice(1);
  while (p && delims.includes(p[p.length - 1])) p = p.slice(0, -1);
  if (p.length > sample.length) return false;
  const s = ignoreCase ? sample.toLowerCase() : sample;
  const pat = ignoreCase ? p.toLowerCase() : p;
  let mayMatch = true;
  for (let c = 0; c <= s.length - pat.length; c++) {
    if (delims.includes(s[c])) {
      mayMatch = true;
      continue;
    }
    if (!mayMatch) continue;
    if (s.startsWith(pat, c) && (c + pat.length === s.length || delims.includes(s[c + pat.length]))) return true;
    mayMatch = false;
  }
  return false;
}

/**
 * Compiles patterns for one match method. `op` is an integer operator (eq/ge/gt/le/lt) given before
 * the patterns. Everything costly (regexes, networks, exact-match tables) is built here, once.
 */
export function compilePatterns(method: MatchMethod, patterns: string[], ignoreCase: boolean, op?: string): PatternSet {
  const errors: string[] = [];
  const fold = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  switch (method) {
    case 'found':
      return { method, size: patterns.length, errors, match: () => 0 };
    case 'bool':
      return { method, size: patterns.length, errors, match: (s) => (sampleToBool(s) ? 0 : -1) };
    case 'str':
    case 'meth':
    case 'bin': {
      const table = new Map<string, number>();
      patterns.forEach((p, i) => {
        const k = fold(p);
        if (!table.has(k)) table.set(k, i);
      });
      return { method, size: patterns.length, errors, match: (s) => table.get(fold(sampleToString(s))) ?? -1 };
    }
    case 'beg':
    case 'end':
    case 'sub': {
      const pats = patterns.map(fold);
      const test =
        method === 'beg' ? (v: string, p: string) => v.startsWith(p) : method === 'end' ? (v: string, p: string) => v.endsWith(p) : (v: string, p: string) => v.includes(p);
      return {
        method,
        size: patterns.length,
        errors,
        match: (s) => {
          const v = fold(sampleToString(s));
          for (let i = 0; i < pats.length; i++) if (test(v, pats[i])) return i;
          return -1;
        },
      };
    }
    case 'dir':
    case 'dom': {
      const delims = method === 'dir' ? DIR_DELIMS : DOM_DELIMS;
      return {
        method,
        size: patterns.length,
        errors,
        match: (s) => {
          const v = sampleToString(s);
          for (let i = 0; i < patterns.length; i++) if (matchWord(v, patterns[i], delims, ignoreCase)) return i;
          return -1;
        },
      };
    }
    case 'reg': {
      const regs: { re: RegExp; i: number }[] = [];
      patterns.forEach((p, i) => {
        const re = compileRegex(p, ignoreCase);
        if (typeof re === 'string') errors.push(re);
        else regs.push({ re, i });
      });
      return {
        method,
        size: patterns.length,
        errors,
        match: (s) => {
          const v = sampleToString(s);
          for (const r of regs) if (r.re.test(v)) return r.i;
          return -1;
        },
      };
    }
    case 'len':
    case 'int': {
      const ranges: { r: Range; i: number }[] = [];
      patterns.forEach((p, i) => {
        const r = parseIntPattern(p, op);
        if (r) ranges.push({ r, i });
        else errors.push(`'${p}' is not an integer or range`);
      });
      return {
        method,
        size: patterns.length,
        errors,
        match: (s) => {
          const v = method === 'len' ? new TextEncoder().encode(sampleToString(s)).length : sampleToInt(s);
          if (v === undefined) return -1;
          for (const { r, i } of ranges) if (v >= r.min && v <= r.max) return i;
          return -1;
        },
      };
    }
    case 'ip': {
      const nets: { n: IpNetwork; i: number }[] = [];
      patterns.forEach((p, i) => {
        const n = parseNetwork(p);
        if (n) nets.push({ n, i });
        else errors.push(`'${p}' is not an IP address or network`);
      });
      const byPrefix = [...nets].sort((a, b) => b.n.prefix - a.n.prefix);
      return {
        method,
        size: patterns.length,
        errors,
        match: (s) => {
          const ip = sampleToIp(s);
          if (!ip) return -1;
          for (const { n, i } of byPrefix) if (networkContains(n, ip)) return i;
          return -1;
        },
      };
    }
  }
}
