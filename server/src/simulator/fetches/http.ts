import { headerValues, paramValues, requestCookies, uriPath, uriPathQuery, uriQuery } from '../http-message';
import { parseIp } from '../ip';
import { int, ipSample, str, type Sample } from '../sample';
import type { StreamContext } from '../context';
import { registerFetches, type FetchDef } from './registry';

const http = (ctx: StreamContext): boolean => ctx.isHttp;
const one = (v: string | undefined): Sample[] => (v === undefined ? [] : [str(v)]);

function occurrence(values: string[], occ: string | undefined): string[] {
  if (occ === undefined || occ === '') return values;
  const n = Number(occ);
  if (!Number.isInteger(n) || n === 0) return values;
  const v = n > 0 ? values[n - 1] : values[values.length + n];
  return v === undefined ? [] : [v];
}

function base(ctx: StreamContext): string | undefined {
  const host = headerValues(ctx.http, 'host', false)[0];
  if (host === undefined) return undefined;
  return host + uriPath(ctx.http.uri);
}

const defs: FetchDef[] = [
  { name: 'method', type: 'meth', run: (ctx) => (http(ctx) ? [{ type: 'meth', value: ctx.http.method }] : []) },
  { name: 'path', type: 'str', run: (ctx) => (http(ctx) ? [str(uriPath(ctx.http.uri))] : []) },
  { name: 'pathq', type: 'str', run: (ctx) => (http(ctx) ? [str(uriPathQuery(ctx.http.uri))] : []) },
  { name: 'url', type: 'str', run: (ctx) => (http(ctx) ? [str(ctx.http.uri)] : []) },
  { name: 'query', type: 'str', run: (ctx) => (http(ctx) ? one(uriQuery(ctx.http.uri)) : []) },
  { name: 'base', type: 'str', run: (ctx) => (http(ctx) ? one(base(ctx)) : []) },
  {
    name: 'baseq',
    type: 'str',
    run: (ctx) => {
      const b = http(ctx) ? base(ctx) : undefined;
      const q = uriQuery(ctx.http.uri);
      return b === undefined ? [] : [str(q === undefined ? b : `${b}?${q}`)];
    },
  },
  {
    name: 'url_param',
    type: 'str',
    pick: 'first',
    run: (ctx, [name = '', delim]) => (http(ctx) ? paramValues(uriQuery(ctx.http.uri), name, delim || '&').map(str) : []),
  },
  {
    name: 'urlp_val',
    type: 'int',
    pick: 'first',
    run: (ctx, [name = '', delim]) =>
      http(ctx) ? paramValues(uriQuery(ctx.http.uri), name, delim || '&').flatMap((v) => (/^-?\d+/.test(v) ? [int(parseInt(v, 10))] : [])) : [],
  },
  {
    name: 'url_ip',
    type: 'ip',
    run: (ctx) => {
      const m = /^[a-z]+:\/\/([^/:?]+)/i.exec(ctx.http.uri);
      const ip = m ? parseIp(m[1]) : undefined;
      return ip ? [ipSample(ip)] : [];
    },
  },
  {
    name: 'url_port',
    type: 'int',
    run: (ctx) => {
      const m = /^[a-z]+:\/\/[^/:?]+(?::(\d+))?/i.exec(ctx.http.uri);
      return m ? [int(m[1] ? Number(m[1]) : 80)] : [];
    },
  },
  { name: 'req.hdr', type: 'str', pick: 'last', run: (ctx, [name = '', occ]) => (http(ctx) ? occurrence(headerValues(ctx.http, name, true), occ).map(str) : []) },
  { name: 'req.fhdr', type: 'str', pick: 'last', run: (ctx, [name = '', occ]) => (http(ctx) ? occurrence(headerValues(ctx.http, name, false), occ).map(str) : []) },
  { name: 'req.hdr_cnt', type: 'int', run: (ctx, [name = '']) => (http(ctx) ? [int(name ? headerValues(ctx.http, name, true).length : ctx.http.headers.length)] : []) },
  { name: 'req.fhdr_cnt', type: 'int', run: (ctx, [name = '']) => (http(ctx) ? [int(name ? headerValues(ctx.http, name, false).length : ctx.http.headers.length)] : []) },
  {
    name: 'req.hdr_ip',
    type: 'ip',
    pick: 'last',
    run: (ctx, [name = '', occ]) =>
      http(ctx) ? occurrence(headerValues(ctx.http, name, true), occ).flatMap((v) => {
        const ip = parseIp(v.replace(/^\[|\]$/g, ''));
        return ip ? [ipSample(ip)] : [];
      }) : [],
  },
  {
    name: 'req.hdr_val',
    type: 'int',
    pick: 'last',
    run: (ctx, [name = '', occ]) =>
      http(ctx) ? occurrence(headerValues(ctx.http, name, true), occ).flatMap((v) => (/^-?\d+/.test(v) ? [int(parseInt(v, 10))] : [])) : [],
  },
  { name: 'req.hdr_names', type: 'str', run: (ctx, [delim = ',']) => (http(ctx) ? [str(ctx.http.headers.map(([n]) => n.toLowerCase()).join(delim))] : []) },
  {
    name: 'req.cook',
    type: 'str',
    pick: 'last',
    run: (ctx, [name = '']) => (http(ctx) ? requestCookies(ctx.http).filter(([n]) => name === '' || n === name).map(([, v]) => str(v)) : []),
  },
  { name: 'req.cook_cnt', type: 'int', run: (ctx, [name = '']) => (http(ctx) ? [int(requestCookies(ctx.http).filter(([n]) => name === '' || n === name).length)] : []) },
  {
    name: 'req.cook_val',
    type: 'int',
    pick: 'last',
    run: (ctx, [name = '']) =>
      http(ctx) ? requestCookies(ctx.http).filter(([n, v]) => n === name && /^-?\d+/.test(v)).map(([, v]) => int(parseInt(v, 10))) : [],
  },
  { name: 'req.ver', type: 'str', run: (ctx) => (http(ctx) ? [str(ctx.http.version.replace(/^HTTP\//, ''))] : []) },
  { name: 'req.proto_http', type: 'bool', run: (ctx) => [{ type: 'bool', value: ctx.isHttp }] },
  { name: 'req.body', type: 'bin', run: (ctx) => (http(ctx) ? [str(ctx.http.body)] : []) },
  { name: 'req.body_len', type: 'int', run: (ctx) => (http(ctx) ? [int(new TextEncoder().encode(ctx.http.body).length)] : []) },
  { name: 'req.body_size', type: 'int', run: (ctx) => (http(ctx) ? [int(new TextEncoder().encode(ctx.http.body).length)] : []) },
  { name: 'req.body_param', type: 'str', pick: 'first', run: (ctx, [name = '']) => (http(ctx) ? paramValues(ctx.http.body, name).map(str) : []) },
  { name: 'http_first_req', type: 'bool', run: () => [{ type: 'bool', value: true }] },
  { name: 'capture.req.method', type: 'str', run: (ctx) => (http(ctx) ? [str(ctx.http.method)] : []) },
  { name: 'capture.req.uri', type: 'str', run: (ctx) => (http(ctx) ? [str(ctx.http.uri)] : []) },
  { name: 'capture.req.ver', type: 'str', run: (ctx) => (http(ctx) ? [str(ctx.http.version)] : []) },
];

registerFetches(defs, {
  hdr: 'req.hdr',
  fhdr: 'req.fhdr',
  hdr_cnt: 'req.hdr_cnt',
  fhdr_cnt: 'req.fhdr_cnt',
  hdr_ip: 'req.hdr_ip',
  hdr_val: 'req.hdr_val',
  cook: 'req.cook',
  cookie: 'req.cook',
  cook_cnt: 'req.cook_cnt',
  cook_val: 'req.cook_val',
  urlp: 'url_param',
  req_ver: 'req.ver',
  req_proto_http: 'req.proto_http',
});
