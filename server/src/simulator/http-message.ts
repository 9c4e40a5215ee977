import type { HttpMessage } from './request';

/** The path part of a request target (absolute-form targets lose their scheme and authority). */
export function uriPath(uri: string): string {
  let rest = uri;
  const abs = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/.exec(uri);
  if (abs) rest = uri.slice(abs[0].length) || '';
  const q = rest.indexOf('?');
  return q < 0 ? rest : rest.slice(0, q);
}

/** Path and query of a request target. */
export function uriPathQuery(uri: string): string {
  const abs = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/.exec(uri);
  return abs ? uri.slice(abs[0].length) : uri;
}

/** The query string without `?`, or undefined when there is none. */
export function uriQuery(uri: string): string | undefined {
  const q = uri.indexOf('?');
  return q < 0 ? undefined : uri.slice(q + 1);
}

/** Replaces the path of a target, keeping its query. */
export function withPath(uri: string, path: string): string {
  const q = uri.indexOf('?');
  const abs = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/.exec(uri);
  const prefix = abs ? abs[0] : '';
  return prefix + path + (q < 0 ? '' : uri.slice(q));
}

/** Replaces the query of a target (undefined removes it). */
export function withQuery(uri: string, query: string | undefined): string {
  const q = uri.indexOf('?');
  const base = q < 0 ? uri : uri.slice(0, q);
  return query === undefined ? base : `${base}?${query}`;
}

/** Header values in order; `split` cuts each line at commas as HAProxy's `hdr()` does. */
export function headerValues(msg: HttpMessage, name: string, split: boolean): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [n, v] of msg.headers) {
    if (n.toLowerCase() !== lower) continue;
    if (split) for (const part of v.split(',')) out.push(part.trim());
    else out.push(v);
  }
  return out;
}

/** All `name=value` pairs of the request's Cookie headers, in order. */
export function requestCookies(msg: HttpMessage): [string, string][] {
  const out: [string, string][] = [];
  for (const line of headerValues(msg, 'cookie', false)) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) {
        if (part.trim()) out.push([part.trim(), '']);
        continue;
      }
      out.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
    }
  }
  return out;
}

/** Values of `name` in an `a=1&b=2` list (delimiter `&` unless given). */
export function paramValues(list: string | undefined, name: string, delim = '&'): string[] {
  if (list === undefined) return [];
  const out: string[] = [];
  for (const part of list.split(delim)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (name === '' || key === name) out.push(eq < 0 ? '' : part.slice(eq + 1));
  }
  return out;
}

export function setHeader(msg: HttpMessage, name: string, value: string): void {
  deleteHeader(msg, name);
  msg.headers.push([name, value]);
}

export function deleteHeader(msg: HttpMessage, name: string): void {
  const lower = name.toLowerCase();
  msg.headers = msg.headers.filter(([n]) => n.toLowerCase() !== lower);
}

/** The Host header without its port. */
export function hostWithoutPort(msg: HttpMessage): string | undefined {
  const host = headerValues(msg, 'host', false)[0];
  if (host === undefined) return undefined;
  const m = /^(\[[^\]]*\]|[^:]*)/.exec(host);
  return m ? m[1] : host;
}

/** User and password of a Basic Authorization header, or undefined. */
export function basicCredentials(msg: HttpMessage): { user: string; pass: string } | undefined {
  const h = headerValues(msg, 'authorization', false)[0];
  const m = h ? /^Basic\s+(\S+)$/i.exec(h) : null;
  if (!m) return undefined;
  let decoded: string;
  try {
    decoded = atob(m[1]);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}
