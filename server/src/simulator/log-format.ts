import type { CompileEnv } from './compile-env';
import type { StreamContext } from './context';
import { compileExpressionText } from './expression';
import { formatIp } from './ip';
import { uriPath, uriQuery } from './http-message';
import { sampleToString } from './sample';

type Part = (ctx: StreamContext) => string;

const VARS: Record<string, Part> = {
  ci: (c) => formatIp(c.src),
  cp: (c) => String(c.srcPort),
  fi: (c) => (c.dst ? formatIp(c.dst) : ''),
  fp: (c) => String(c.dstPort),
  f: (c) => c.frontendName,
  ft: (c) => c.frontendName + (c.ssl ? '~' : ''),
  b: (c) => c.backendName ?? '',
  HM: (c) => c.http.method,
  HU: (c) => c.http.uri,
  HP: (c) => uriPath(c.http.uri),
  HQ: (c) => {
    const q = uriQuery(c.http.uri);
    return q === undefined ? '' : `?${q}`;
  },
  HV: (c) => c.http.version,
  r: (c) => `${c.http.method} ${c.http.uri} ${c.http.version}`,
};

/** A log-format string compiled once: literal text, `%[expr]` samples and `%var` variables. */
export function compileLogFormat(text: string, env: CompileEnv): (ctx: StreamContext) => string {
  const parts: Part[] = [];
  let lit = '';
  const flush = () => {
    if (lit) {
      const t = lit;
      parts.push(() => t);
      lit = '';
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '%') {
      lit += c;
      continue;
    }
    if (text[i + 1] === '%') {
      lit += '%';
      i++;
      continue;
    }
    let j = i + 1;
    if (text[j] === '{') {
      const close = text.indexOf('}', j);
      if (close < 0) break;
      j = close + 1;
    }
    if (text[j] === '[') {
      let depth = 0;
      let k = j + 1;
      for (; k < text.length; k++) {
        if (text[k] === '(') depth++;
        else if (text[k] === ')') depth--;
        else if (text[k] === ']' && depth <= 0) break;
      }
      const expr = compileExpressionText(text.slice(j + 1, k), env);
      flush();
      parts.push((ctx) => {
        const v = expr.one(ctx);
        return v ? sampleToString(v) : '';
      });
      i = k;
      continue;
    }
    const name = /^[A-Za-z]+/.exec(text.slice(j))?.[0] ?? '';
    flush();
    const known = VARS[name];
    if (known) parts.push(known);
    else {
      env.unsupported.add(`log-format variable %${name}`);
      parts.push(() => '');
    }
    i = j + name.length - 1;
  }
  flush();
  if (parts.length === 1) return parts[0];
  return (ctx) => {
    let out = '';
    for (const p of parts) out += p(ctx);
    return out;
  };
}

/** True when the text has log-format syntax (so it must be evaluated per request). */
export function isDynamic(text: string): boolean {
  return /%[[{A-Za-z]/.test(text);
}
