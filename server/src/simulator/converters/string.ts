import { compileRegex } from '../acl/pattern-match';
import { int, str, sampleToInt, sampleToString, type Sample } from '../sample';
import { registerConverters, simple, type ConverterDef } from './registry';

const s = (x: Sample): string => sampleToString(x);

/** Spans [start, end) of the parts of `text` cut at any of `delims`; `skipEmpty` merges runs of delimiters (word). */
function spans(text: string, delims: string, skipEmpty: boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || delims.includes(text[i])) {
      if (!skipEmpty || i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/**
 * The `index`-th part (from 1, or from the end when negative) and `count` parts from there (0: all
 * the rest), returned as the original substring so that the delimiters between parts are kept.
 */
function pickParts(text: string, delims: string, index: number, count: number | undefined, skipEmpty: boolean): string | undefined {
  if (!Number.isInteger(index) || index === 0) return undefined;
  const parts = spans(text, delims, skipEmpty);
  const n = count ?? 1;
  let first: number;
  let last: number;
  if (index > 0) {
    first = index - 1;
    last = n === 0 ? parts.length - 1 : first + n - 1;
  } else {
    last = parts.length + index;
    first = n === 0 ? 0 : last - n + 1;
  }
  first = Math.max(first, 0);
  last = Math.min(last, parts.length - 1);
  if (first >= parts.length || last < 0 || first > last) return undefined;
  return text.slice(parts[first][0], parts[last][1]);
}

function expandSubst(subst: string, m: RegExpExecArray | string[]): string {
  return subst.replace(/\\(\d)/g, (_, d: string) => m[Number(d)] ?? '');
}

const regsub: ConverterDef = {
  name: 'regsub',
  compile(args) {
    const [pattern = '', subst = '', flags = ''] = args;
    const re = compileRegex(pattern, flags.includes('i'));
    if (typeof re === 'string') return re;
    const global = flags.includes('g');
    const gre = new RegExp(re.source, re.flags + 'g');
    return (input) => {
      const text = s(input);
      if (!global) {
        const m = re.exec(text);
        if (!m) return str(text);
        return str(text.slice(0, m.index) + expandSubst(subst, m) + text.slice(m.index + m[0].length));
      }
      gre.lastIndex = 0;
      let out = '';
      let last = 0;
      let m: RegExpExecArray | null;
      while ((m = gre.exec(text))) {
        out += text.slice(last, m.index) + expandSubst(subst, m);
        last = m.index + m[0].length;
        if (m[0].length === 0) {
          if (gre.lastIndex < text.length) out += text[gre.lastIndex];
          gre.lastIndex++;
          last = gre.lastIndex;
        }
        if (gre.lastIndex > text.length) break;
      }
      return str(out + text.slice(Math.min(last, text.length)));
    };
  },
};

const b64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

const b64dec = (text: string): string | undefined => {
  try {
    const bin = atob(text);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
};

registerConverters([
  simple('lower', (x) => str(s(x).toLowerCase())),
  simple('upper', (x) => str(s(x).toUpperCase())),
  simple('length', (x) => int(new TextEncoder().encode(s(x)).length)),
  simple('field', (x, [idx = '1', delim = '', count]) =>
    mapOpt(pickParts(s(x), delim, Number(idx), count === undefined ? undefined : Number(count), false)),
  ),
  simple('word', (x, [idx = '1', delim = '', count]) =>
    mapOpt(pickParts(s(x), delim, Number(idx), count === undefined ? undefined : Number(count), true)),
  ),
  simple('bytes', (x, [offset = '0', len]) => {
    const text = s(x);
    const o = Number(offset);
    if (o > text.length) return undefined;
    return str(len === undefined ? text.slice(o) : text.slice(o, o + Number(len)));
  }),
  simple('ltrim', (x, [chars = '']) => {
    let t = s(x);
    while (t && chars.includes(t[0])) t = t.slice(1);
    return str(t);
  }),
  simple('rtrim', (x, [chars = '']) => {
    let t = s(x);
    while (t && chars.includes(t[t.length - 1])) t = t.slice(0, -1);
    return str(t);
  }),
  simple('base64', (x) => str(b64(s(x)))),
  simple('b64dec', (x) => mapOpt(b64dec(s(x)))),
  simple('hex', (x) => str(Array.from(new TextEncoder().encode(s(x)), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(''))),
  simple('url_dec', (x) => {
    try {
      return str(decodeURIComponent(s(x).replace(/\+/g, ' ')));
    } catch {
      return undefined;
    }
  }),
  simple('concat', (x, [start = '', varName, end = ''], ctx) => {
    const middle = varName ? ctx.vars.get(varName) : undefined;
    return str(start + s(x) + (middle ? s(middle) : '') + end);
  }),
  simple('strcmp', (x, [varName = ''], ctx) => {
    const other = ctx.vars.get(varName);
    if (!other) return undefined;
    const a = s(x);
    const b = s(other);
    return int(a < b ? -1 : a > b ? 1 : 0);
  }),
  simple('capture-req', (x) => x),
  simple('capture-res', (x) => x),
  simple('json', (x) => str(JSON.stringify(s(x)).slice(1, -1))),
  simple('cut_crlf', (x) => str(s(x).split(/[\r\n]/)[0])),
  simple('even', (x) => ({ type: 'bool', value: ((sampleToInt(x) ?? 0) & 1) === 0 })),
  simple('odd', (x) => ({ type: 'bool', value: ((sampleToInt(x) ?? 0) & 1) === 1 })),
  regsub,
]);

function mapOpt(v: string | undefined): Sample | undefined {
  return v === undefined ? undefined : str(v);
}
