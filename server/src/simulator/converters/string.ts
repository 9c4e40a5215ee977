import { compileRegex } from '../acl/pattern-match';
import { int, str, sampleToInt, sampleToString, type Sample } from '../sample';
import { registerConverters, simple, type ConverterDef } from './registry';

const s = (x: Sample): string => sampleToString(x);

function pickParts(parts: string[], index: number, count: number | undefined, joiner: string): string | undefined {
  if (index === 0) return undefined;
  const n = count ?? 1;
  let start: number;
  let end: number;
  if (index > 0) {
    start = index - 1;
    end = n === 0 ? parts.length : start + n;
  } else {
    end = parts.length + index + 1;
    start = n === 0 ? 0 : end - n;
  }
  if (start < 0) start = 0;
  if (start >= parts.length || end <= 0) return undefined;
  return parts.slice(start, Math.min(end, parts.length)).join(joiner);
}

function splitAny(text: string, delims: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of text) {
    if (delims.includes(c)) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
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
    mapOpt(pickParts(splitAny(s(x), delim), Number(idx), count === undefined ? undefined : Number(count), delim[0] ?? ''))),
  simple('word', (x, [idx = '1', delim = '', count]) => {
    const words = splitAny(s(x), delim).filter((w) => w !== '');
    return mapOpt(pickParts(words, Number(idx), count === undefined ? undefined : Number(count), delim[0] ?? ''));
  }),
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
