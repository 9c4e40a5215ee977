import { parseIp, parseIpv4, type IpAddress } from './ip';
import type { SimRequest } from './types';

/** The HTTP request as HAProxy holds it while rules run (rewrites change it in place). */
export interface HttpMessage {
  method: string;
  /** The request target as sent on the request line (origin-form unless the client sent absolute-form). */
  uri: string;
  version: string;
  headers: [string, string][];
  body: string;
}

/** A request read from its JSON form: the connection facts and the HTTP message. */
export interface ParsedRequest {
  /** `tcp` stands for a plain connection without an HTTP request (for tcp-mode proxies). */
  scheme: 'http' | 'https' | 'tcp';
  /** Host as written in the URL (a name or an address). */
  host: string;
  port: number;
  src: IpAddress;
  srcText: string;
  srcPort: number;
  /** Destination address when the URL or `dst` names one; undefined means "any local address". */
  dst?: IpAddress;
  sni?: string;
  http: HttpMessage;
  time?: number;
}

const METHOD_RE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_NAME_RE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_URL_LENGTH = 16 * 1024;

/** The simulator refuses what HAProxy (tune.bufsize 16k) could never accept; the reason is the value. */
export type RequestParse = { ok: true; request: ParsedRequest } | { ok: false; error: string };

function parseSrc(text: string | undefined): { ip: IpAddress; text: string; port: number } | string {
  const raw = text === undefined ? '127.0.0.1' : text.trim();
  const v4 = parseIpv4(raw);
  if (v4 !== undefined) return { ip: { family: 4, value: v4 }, text: raw, port: 40000 };
  let addr = raw;
  let port = 40000;
  const v4port = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(raw);
  const v6port = /^\[([^\]]+)\]:(\d+)$/.exec(raw);
  if (v4port) {
    addr = v4port[1];
    port = Number(v4port[2]);
  } else if (v6port) {
    addr = v6port[1];
    port = Number(v6port[2]);
  }
  const ip = parseIp(addr);
  if (!ip) return `source address '${raw}' is not an IP address`;
  return { ip, text: addr, port };
}

interface UrlParts {
  scheme: 'http' | 'https' | 'tcp';
  host: string;
  port: number;
  target: string;
}

/** URL splitting is pure, and batches repeat URLs: keep the last few thousand answers. */
const urlCache = new Map<string, UrlParts | string>();

function splitUrl(url: string): UrlParts | string {
  const cached = urlCache.get(url);
  if (cached !== undefined) return cached;
  const parts = splitUrlUncached(url);
  if (urlCache.size >= 4096) urlCache.clear();
  urlCache.set(url, parts);
  return parts;
}

function splitUrlUncached(url: string): UrlParts | string {
  if (url.length > MAX_URL_LENGTH) return `url longer than ${MAX_URL_LENGTH} characters (HAProxy answers 414 or 400)`;
  if (/[\s\x00-\x1f\x7f]/.test(url)) return 'url contains spaces or control characters';
  const abs = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(url);
  if (!abs) {
    if (url.startsWith('/') || url === '*') return { scheme: 'http', host: '', port: 80, target: url };
    return `malformed url '${url}' (expected http://host/path or /path)`;
  }
  const s = abs[1].toLowerCase();
  if (s !== 'http' && s !== 'https' && s !== 'tcp') return `unsupported scheme '${abs[1]}' (http, https or tcp)`;
  let port = s === 'https' ? 443 : 80;
  if (s === 'tcp' && !/:\d+$/.test(abs[2])) return `a tcp:// url needs a port ('${url}')`;
  const authority = abs[2];
  if (authority.includes('@')) return 'url with user information is not supported';
  const hp = /^(\[[^\]]+\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hp || !hp[1]) return `malformed host in url '${url}'`;
  if (hp[2] !== undefined && hp[2] !== '') {
    port = Number(hp[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return `invalid port in url '${url}'`;
  }
  let target = abs[3] || '/';
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  if (target.startsWith('?')) target = `/${target}`;
  return { scheme: s, host: hp[1], port, target };
}

const unbracket = (h: string): string => (h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h);

/** Reads and checks a request given to the simulator. */
export function parseRequest(req: SimRequest): RequestParse {
  if (!req || typeof req !== 'object') return { ok: false, error: 'the request is not an object' };
  if (typeof req.url !== 'string' || !req.url) return { ok: false, error: 'the request has no url' };
  const url = splitUrl(req.url);
  if (typeof url === 'string') return { ok: false, error: url };
  const method = typeof req.method === 'string' ? req.method : '';
  if (!(url.scheme === 'tcp' && method === '') && !METHOD_RE.test(method)) return { ok: false, error: `invalid HTTP method '${String(req.method)}'` };
  const scheme = url.scheme;
  let host = url.host;
  let port = url.port;
  const target = url.target;

  const headers: [string, string][] = [];
  let headerBytes = 0;
  let hasHost = false;
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (!HEADER_NAME_RE.test(name)) return { ok: false, error: `invalid header name '${name}'` };
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== 'string') return { ok: false, error: `header '${name}' has a non-string value` };
      if (/[\r\n\x00]/.test(v)) return { ok: false, error: `header '${name}' contains a line break or NUL` };
      headerBytes += name.length + v.length + 4;
      headers.push([name, v.trim()]);
    }
    if (name.toLowerCase() === 'host') hasHost = true;
  }
  if (headerBytes > MAX_HEADER_BYTES) return { ok: false, error: `headers exceed ${MAX_HEADER_BYTES} bytes (HAProxy answers 400)` };

  const defaultPort = scheme === 'https' ? 443 : 80;
  if (!hasHost && host && scheme !== 'tcp') headers.unshift(['host', port === defaultPort ? host : `${host}:${port}`]);
  if (!host) {
    const hostHeader = headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? '';
    const hp = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(hostHeader);
    host = hp?.[1] ?? '';
    if (hp?.[2]) port = Number(hp[2]);
  }

  const src = parseSrc(req.src);
  if (typeof src === 'string') return { ok: false, error: src };
  let dst: IpAddress | undefined;
  if (req.dst !== undefined) {
    dst = parseIp(unbracket(req.dst));
    if (!dst) return { ok: false, error: `destination address '${req.dst}' is not an IP address` };
  }
  const hostIp = host ? parseIp(unbracket(host)) : undefined;
  if (req.dst === undefined) dst = hostIp;

  let sni = req.sni;
  if (sni === undefined && scheme === 'https' && host && !hostIp) sni = host;

  return {
    ok: true,
    request: {
      scheme,
      host,
      port,
      src: src.ip,
      srcText: src.text,
      srcPort: src.port,
      dst,
      sni,
      time: typeof req.time === 'number' && Number.isFinite(req.time) ? req.time : undefined,
      http: { method, uri: target, version: 'HTTP/1.1', headers, body: typeof req.body === 'string' ? req.body : '' },
    },
  };
}
