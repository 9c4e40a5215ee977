import type { CompileEnv } from '../compile-env';
import type { StreamContext } from '../context';
import { compileExpressionText } from '../expression';
import { deleteHeader, headerValues, setHeader, uriPath, uriPathQuery, withPath, withQuery } from '../http-message';
import { compileRegex } from '../acl/pattern-match';
import { compileLogFormat } from '../log-format';
import { sampleToInt, sampleToIp, sampleToString } from '../sample';
import { CONTINUE, type ActionFn, type ActionResult } from './action-types';
import { compileCounterAction, compileTrack } from './tracking';

const expandRefs = (text: string, m: RegExpExecArray): string => text.replace(/\\(\d)/g, (_, d: string) => m[Number(d)] ?? '');

/** Reads `deny_status N` / `status N` style options; returns the status or the default. */
function optionValue(words: string[], name: string): string | undefined {
  const i = words.indexOf(name);
  return i >= 0 ? words[i + 1] : undefined;
}

/** The Location and Set-Cookie of a redirect rule (`redirect location|prefix|scheme ...`). */
export function compileRedirect(words: string[], env: CompileEnv): ActionFn | string {
  const [type = '', target = ''] = words;
  if (type !== 'location' && type !== 'prefix' && type !== 'scheme') return `unknown redirect type '${type}'`;
  const fmt = compileLogFormat(target, env);
  let code = 302;
  let dropQuery = false;
  let appendSlash = false;
  let setCookie: string | undefined;
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    if (w === 'code') code = Number(words[++i]) || 302;
    else if (w === 'drop-query') dropQuery = true;
    else if (w === 'append-slash') appendSlash = true;
    else if (w === 'set-cookie') setCookie = `${words[++i]}; path=/;`;
    else if (w === 'clear-cookie') setCookie = `${words[++i] ?? ''}; path=/; Max-Age=0;`;
  }
  return (ctx: StreamContext): ActionResult => {
    const value = fmt(ctx);
    let location: string;
    if (type === 'location') location = value;
    else {
      let path = uriPathQuery(ctx.http.uri);
      if (dropQuery) path = uriPath(ctx.http.uri);
      if (type === 'prefix') {
        location = (value === '/' ? '' : value) + path;
      } else {
        let host = headerValues(ctx.http, 'host', false)[0] ?? '';
        if (value === 'https' && host.endsWith(':80')) host = host.slice(0, -3);
        if (value === 'http' && host.endsWith(':443')) host = host.slice(0, -4);
        location = `${value}://${host}${path}`;
      }
      if (appendSlash && !location.endsWith('/')) location += '/';
    }
    return { kind: 'respond', status: code, location, setCookie, what: `redirect ${type}` };
  };
}

/** Compiles one `http-request` action (words after `http-request`, condition excluded). */
export function compileHttpAction(words: string[], proxyName: string, env: CompileEnv): ActionFn {
  const [name = '', ...rest] = words;
  const lf = (i: number) => compileLogFormat(rest[i] ?? '', env);
  switch (name) {
    case 'allow':
      return () => ({ kind: 'allow' });
    case 'deny': {
      const status = Number(optionValue(rest, 'deny_status') ?? optionValue(rest, 'status') ?? 403);
      return () => ({ kind: 'respond', status, what: 'deny' });
    }
    case 'tarpit': {
      const status = Number(optionValue(rest, 'deny_status') ?? optionValue(rest, 'status') ?? 500);
      return () => ({ kind: 'respond', status, what: 'tarpit' });
    }
    case 'return': {
      const status = Number(optionValue(rest, 'status') ?? 200);
      return () => ({ kind: 'respond', status, what: 'return' });
    }
    case 'auth':
      return () => ({ kind: 'respond', status: 401, what: 'auth' });
    case 'redirect': {
      const fn = compileRedirect(rest, env);
      if (typeof fn === 'string') {
        env.problems.push({ line: env.line, message: fn });
        return () => ({ kind: 'continue', note: fn });
      }
      return fn;
    }
    case 'reject':
      return () => ({ kind: 'close', what: 'reject' });
    case 'silent-drop':
      return () => ({ kind: 'close', what: 'silent-drop' });
    case 'set-header':
    case 'add-header': {
      const hname = rest[0] ?? '';
      const value = lf(1);
      return (ctx) => {
        const v = value(ctx);
        if (name === 'set-header') setHeader(ctx.http, hname, v);
        else ctx.http.headers.push([hname, v]);
        return { kind: 'continue', note: `${hname}: ${v}` };
      };
    }
    case 'del-header': {
      const hname = rest[0] ?? '';
      return (ctx) => {
        deleteHeader(ctx.http, hname);
        return CONTINUE;
      };
    }
    case 'replace-header':
    case 'replace-value': {
      const hname = (rest[0] ?? '').toLowerCase();
      const re = compileRegex(rest[1] ?? '', false);
      const repl = rest[2] ?? '';
      if (typeof re === 'string') return () => ({ kind: 'continue', note: re });
      const full = new RegExp(`^(?:${re.source})$`, re.flags);
      return (ctx) => {
        ctx.http.headers = ctx.http.headers.map(([n, v]) => {
          if (n.toLowerCase() !== hname) return [n, v];
          const one = (x: string) => {
            const m = full.exec(x);
            return m ? expandRefs(repl, m) : x;
          };
          return [n, name === 'replace-value' ? v.split(',').map((p) => one(p.trim())).join(', ') : one(v)];
        });
        return CONTINUE;
      };
    }
    case 'set-path':
    case 'set-pathq':
    case 'set-query':
    case 'set-uri':
    case 'set-method': {
      const value = lf(0);
      return (ctx) => {
        const v = value(ctx);
        const h = ctx.http;
        if (name === 'set-path') h.uri = withPath(h.uri, v);
        else if (name === 'set-pathq') h.uri = v;
        else if (name === 'set-query') h.uri = withQuery(h.uri, v);
        else if (name === 'set-uri') h.uri = v;
        else h.method = v;
        return { kind: 'continue', note: `now ${name === 'set-method' ? h.method : h.uri}` };
      };
    }
    case 'replace-path':
    case 'replace-pathq':
    case 'replace-uri': {
      const re = compileRegex(rest[0] ?? '', false);
      const fmt = lf(1);
      if (typeof re === 'string') return () => ({ kind: 'continue', note: re });
      return (ctx) => {
        const h = ctx.http;
        const subject = name === 'replace-path' ? uriPath(h.uri) : name === 'replace-pathq' ? uriPathQuery(h.uri) : h.uri;
        const m = re.exec(subject);
        if (!m) return { kind: 'continue', note: 'regex did not match' };
        const out = expandRefs(fmt(ctx), m);
        if (name === 'replace-path') h.uri = withPath(h.uri, out);
        else h.uri = out;
        return { kind: 'continue', note: `now ${h.uri}` };
      };
    }
    case 'set-src':
    case 'set-dst':
    case 'set-dst-port':
    case 'set-src-port': {
      const expr = compileExpressionText(rest[0] ?? '', env);
      return (ctx) => {
        const v = expr.one(ctx);
        if (!v) return CONTINUE;
        if (name === 'set-src' || name === 'set-dst') {
          const ip = sampleToIp(v);
          if (ip && name === 'set-src') ctx.src = ip;
          else if (ip) ctx.dst = ip;
        } else {
          const port = sampleToInt(v);
          if (port !== undefined && name === 'set-dst-port') ctx.dstPort = port;
          else if (port !== undefined) ctx.srcPort = port;
        }
        return CONTINUE;
      };
    }
    case 'use-service': {
      const service = rest[0] ?? '';
      if (service === 'prometheus-exporter') return () => ({ kind: 'respond', status: 200, what: 'use-service prometheus-exporter' });
      env.unsupported.add(`use-service ${service}`);
      return (ctx) => {
        ctx.unsupported.add(`use-service ${service}`);
        return { kind: 'respond', status: 200, what: `use-service ${service} (its answer is not simulated)` };
      };
    }
    case 'capture':
    case 'set-log-level':
    case 'set-nice':
    case 'set-mark':
    case 'set-tos':
    case 'set-priority-class':
    case 'set-priority-offset':
    case 'set-timeout':
    case 'disable-l7-retry':
    case 'early-hint':
    case 'wait-for-body':
    case 'wait-for-handshake':
    case 'strict-mode':
    case 'set-bandwidth-limit':
    case 'cache-use':
    case 'normalize-uri':
      return () => CONTINUE;
    default:
      break;
  }
  const setVar = /^(set-var|unset-var|set-var-fmt)\(([^)]*)\)$/.exec(name);
  if (setVar) {
    const varName = setVar[2].split(',')[0];
    if (setVar[1] === 'unset-var')
      return (ctx) => {
        ctx.vars.delete(varName);
        return CONTINUE;
      };
    if (setVar[1] === 'set-var-fmt') {
      const fmt = lf(0);
      return (ctx) => {
        const v = fmt(ctx);
        ctx.vars.set(varName, { type: 'str', value: v });
        return { kind: 'continue', note: `${varName} = ${JSON.stringify(v)}` };
      };
    }
    const expr = compileExpressionText(rest[0] ?? '', env);
    return (ctx) => {
      const v = expr.one(ctx);
      if (v) ctx.vars.set(varName, v);
      return { kind: 'continue', note: v ? `${varName} = ${JSON.stringify(sampleToString(v))}` : `${varName} not set (no value)` };
    };
  }
  const track = /^track-sc(\d)$/.exec(name);
  if (track) return compileTrack(Number(track[1]), rest, 'http', proxyName, env);
  const counter = compileCounterAction(name, rest, env);
  if (counter) return counter;
  env.unsupported.add(`http-request ${name}`);
  return (ctx) => {
    ctx.unsupported.add(`http-request ${name}`);
    return { kind: 'continue', note: `${name} is not simulated; the request goes on as if it did nothing` };
  };
}
