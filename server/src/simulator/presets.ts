import { buildModel, type AclDefinition, type ConfigModel, type Proxy } from '../model/config-model';
import type { AclCriterion, ConditionTerm, ConfigFile, Directive } from '../syntax/ast';
import type { SimRequest } from './types';

/** Where a bind listens, as a request URL can reach it. */
interface Endpoint {
  scheme: 'http' | 'https';
  /** The address to write in a URL: an IP (bracketed for IPv6) or a name. */
  host: string;
  port: number;
  /** True when the bind listens on every address, so any host name reaches it. */
  wildcard: boolean;
}

/** What one ACL pattern asks of a request so that it matches. */
interface Constraint {
  method?: string;
  path?: string;
  query?: string[];
  host?: string;
  sni?: string;
  src?: string;
  headers?: Record<string, string>;
  cookies?: string[];
}

const MAX_PRESETS = 200;
const ANSWERING_ACTIONS = new Set(['redirect', 'deny', 'return', 'tarpit', 'auth', 'use-service', 'reject']);
const SOCKET_FAMILIES = new Set(['ipv4', 'ipv6', 'tcp', 'tcp4', 'tcp6']);
const DERIVATIVE = /^(.+?)_(beg|end|sub|dir|dom|reg|found|ip|str)$/;
const METHOD_ACLS: Record<string, string> = {
  METH_CONNECT: 'CONNECT',
  METH_DELETE: 'DELETE',
  METH_GET: 'GET',
  METH_HEAD: 'HEAD',
  METH_OPTIONS: 'OPTIONS',
  METH_POST: 'POST',
  METH_PUT: 'PUT',
  METH_TRACE: 'TRACE',
};

/**
 * Sample requests derived from a configuration: one per address each frontend listens on, then one per
 * path, host, header, method, source or cookie that a routing condition of the frontend tests
 * (`use_backend`, `redirect`, answering `http-request` rules), and the stats page. Conditions whose patterns cannot be turned
 * into a literal value (regular expressions with operators, pattern files) add nothing.
 */
export function presetRequests(file: ConfigFile, model: ConfigModel = buildModel(file)): SimRequest[] {
  const presets: SimRequest[] = [];
  const seen = new Set<string>();
  const add = (request: SimRequest) => {
    const key = JSON.stringify(request);
    if (presets.length >= MAX_PRESETS || seen.has(key)) return;
    seen.add(key);
    presets.push(request);
  };
  for (const proxy of model.proxies) {
    if (proxy.kind !== 'frontend' && proxy.kind !== 'listen') continue;
    const endpoints = proxy.binds.flatMap((bind) => (bind.address ? bindEndpoints(bind.address.value, bind.options.map((o) => o.value)) : []));
    if (endpoints.length === 0) continue;
    const tcp = proxy.mode === 'tcp';
    for (const endpoint of endpoints) add(tcp ? tcpRequest(endpoint, {}) : httpRequest(endpoint, {}));
    for (const directive of proxy.directives) {
      const statsUri = !tcp && directive.keyword.value === 'stats' && directive.args[0]?.value === 'uri' ? directive.args[1]?.value : undefined;
      if (statsUri?.startsWith('/')) add(httpRequest(endpoints[0], { path: statsUri }));
      if (!isRoutingRule(directive)) continue;
      for (const constraint of conditionConstraints(directive, proxy)) {
        const endpoint = endpointFor(endpoints, constraint);
        add(tcp ? tcpRequest(endpoint, constraint) : httpRequest(endpoint, constraint));
      }
    }
  }
  return presets;
}

function isRoutingRule(directive: Directive): boolean {
  if (!directive.condition) return false;
  const keyword = directive.keyword.value;
  if (keyword === 'use_backend' || keyword === 'redirect' || keyword === 'use-server') return true;
  if (keyword === 'http-request') return ANSWERING_ACTIONS.has(directive.args[0]?.value ?? '');
  if (keyword === 'tcp-request') return directive.args[0]?.value === 'content' && ANSWERING_ACTIONS.has(directive.args[1]?.value ?? '');
  return false;
}

/** Reads `[family@]address:port[-last][,more]` into the endpoints a client can connect to. */
export function bindEndpoints(address: string, options: string[]): Endpoint[] {
  const scheme = options.includes('ssl') ? 'https' : 'http';
  const endpoints: Endpoint[] = [];
  for (const part of address.split(',')) {
    let text = part.trim();
    const at = text.indexOf('@');
    if (at >= 0) {
      if (!SOCKET_FAMILIES.has(text.slice(0, at))) continue;
      text = text.slice(at + 1);
    }
    if (text.startsWith('/') || text.includes('$')) continue;
    const match = /^(\[[^\]]*\]|.*?):(\d+)(?:-\d+)?$/.exec(text);
    if (!match) continue;
    const port = Number(match[2]);
    if (port < 1 || port > 65535) continue;
    const rawHost = match[1].replace(/^\[|\]$/g, '');
    const wildcard = rawHost === '' || rawHost === '*' || rawHost === '0.0.0.0' || rawHost === '::';
    const host = wildcard ? '127.0.0.1' : rawHost.includes(':') ? `[${rawHost}]` : rawHost;
    endpoints.push({ scheme, host, port, wildcard });
  }
  return endpoints;
}

/** A TLS bind for a request that names a host or server name, else the first bind. */
function endpointFor(endpoints: Endpoint[], constraint: Constraint): Endpoint {
  if (constraint.sni) return endpoints.find((e) => e.scheme === 'https') ?? endpoints[0];
  return endpoints[0];
}

function authority(endpoint: Endpoint, name: string | undefined): string {
  const host = name ?? endpoint.host;
  const defaultPort = endpoint.scheme === 'https' ? 443 : 80;
  return endpoint.port === defaultPort && name ? host : `${host}:${endpoint.port}`;
}

function httpRequest(endpoint: Endpoint, constraint: Constraint): SimRequest {
  const name = constraint.host ?? constraint.sni;
  const path = constraint.path ?? '/';
  const query = constraint.query?.length ? `${path.includes('?') ? '&' : '?'}${constraint.query.join('&')}` : '';
  const request: SimRequest = { method: constraint.method ?? 'GET', url: `${endpoint.scheme}://${authority(endpoint, name)}${path}${query}` };
  const headers: Record<string, string> = { ...constraint.headers };
  if (constraint.cookies?.length) headers.Cookie = constraint.cookies.join('; ');
  if (Object.keys(headers).length) request.headers = headers;
  if (constraint.src) request.src = constraint.src;
  if (name && !endpoint.wildcard) request.dst = endpoint.host.replace(/^\[|\]$/g, '');
  if (constraint.sni && constraint.sni !== name) request.sni = constraint.sni;
  return request;
}

/** A TCP connection: the `haproxy-route` format writes it as a `tcp://` URL with no method. */
function tcpRequest(endpoint: Endpoint, constraint: Constraint): SimRequest {
  const request: SimRequest = { method: '', url: `tcp://${endpoint.host}:${endpoint.port}` };
  if (constraint.src) request.src = constraint.src;
  if (constraint.sni) request.sni = constraint.sni;
  return request;
}

/** One constraint per pattern of each positive term, the other terms of its group held at their first pattern. */
function conditionConstraints(directive: Directive, proxy: Proxy): Constraint[] {
  const constraints: Constraint[] = [];
  for (const group of directive.condition?.groups ?? []) {
    const alternatives = group.filter((term) => !term.negated).map((term) => termConstraints(term, proxy)).filter((list) => list.length > 0);
    alternatives.forEach((list, index) => {
      const others = alternatives.filter((_, i) => i !== index).map((other) => other[0]);
      const start = index === 0 ? 0 : 1;
      for (const choice of list.slice(start)) constraints.push(merge([choice, ...others]));
    });
  }
  return constraints;
}

function termConstraints(term: ConditionTerm, proxy: Proxy): Constraint[] {
  if (term.kind === 'anonymous-acl') return term.criterion ? criterionConstraints(term.criterion) : [];
  const definitions: AclDefinition[] = proxy.acls.get(term.name) ?? [];
  if (definitions.length === 0) {
    const method = METHOD_ACLS[term.name];
    if (method) return [{ method }];
    return term.name === 'LOCALHOST' ? [{ src: '127.0.0.1' }] : [];
  }
  return definitions.flatMap((definition) => (definition.criterion ? criterionConstraints(definition.criterion) : []));
}

function merge(parts: Constraint[]): Constraint {
  const merged: Constraint = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part) as [keyof Constraint, Constraint[keyof Constraint]][]) {
      if (key === 'headers') merged.headers = { ...merged.headers, ...(value as Record<string, string>) };
      else if (key === 'query' || key === 'cookies') merged[key] = [...(merged[key] ?? []), ...(value as string[])];
      else if (merged[key] === undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/** Splits an ACL derivative (`path_beg`, `hdr_dom`) into its fetch and match method. */
function fetchAndMethod(criterion: AclCriterion): { fetch: string; method: string | undefined } {
  const name = criterion.expression.fetch.name;
  const derived = DERIVATIVE.exec(name);
  if (derived && !criterion.matchMethod) return { fetch: derived[1], method: derived[2] };
  return { fetch: name, method: criterion.matchMethod };
}

function criterionConstraints(criterion: AclCriterion): Constraint[] {
  if (criterion.expression.converters.some((c) => c.name !== 'lower' && c.name !== 'upper')) return [];
  if (criterion.flags.some((f) => f.flag.value === '-f' || f.flag.value === '-M')) return [];
  const { fetch, method } = fetchAndMethod(criterion);
  const arg = criterion.expression.fetch.args[0]?.value;
  if (method === 'found') {
    if ((fetch === 'cook' || fetch === 'req.cook' || fetch === 'cookie') && arg) return [{ cookies: [`${arg}=x`] }];
    const target = headerTarget(fetch, arg);
    return target && target !== 'host' ? [{ headers: { [headerName(target)]: 'x' } }] : [];
  }
  const constraints: Constraint[] = [];
  for (const pattern of criterion.patterns) {
    const literal = literalFor(pattern.value, method ?? defaultMethod(fetch));
    if (literal === undefined) continue;
    const constraint = constraintFor(fetch, arg, literal, method);
    if (constraint) constraints.push(constraint);
  }
  return constraints;
}

function defaultMethod(fetch: string): string {
  return fetch === 'src' || fetch === 'dst' ? 'ip' : 'str';
}

/** A value that the match method accepts for the pattern, or undefined when none can be written down. */
function literalFor(pattern: string, method: string): string | undefined {
  if (method === 'reg') {
    const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
    if (/[[\](){}*+?|^$]/.test(body.replace(/\\[./-]/g, ''))) return undefined;
    return body.replace(/\\([./-])/g, '$1');
  }
  if (method === 'len' || method === 'int' || method === 'cnt') return undefined;
  return pattern;
}

function headerTarget(fetch: string, arg: string | undefined): string | undefined {
  if (!arg) return undefined;
  if (['hdr', 'req.hdr', 'req.fhdr', 'fhdr'].includes(fetch)) return arg.toLowerCase();
  return undefined;
}

function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

function asPath(value: string, method: string | undefined): string {
  if (method === 'dir') return `/${value.replace(/^\/+|\/+$/g, '')}/`;
  return value.startsWith('/') ? value : `/${value}`;
}

function constraintFor(fetch: string, arg: string | undefined, value: string, method: string | undefined): Constraint | undefined {
  if (fetch === 'path' || fetch === 'pathq') return splitTarget(asPath(value, method));
  if (fetch === 'url' || fetch === 'capture.req.uri') return value.startsWith('/') || method === 'dir' ? splitTarget(asPath(value, method)) : undefined;
  if (fetch === 'base') {
    const slash = value.indexOf('/');
    if (slash <= 0) return undefined;
    return { host: value.slice(0, slash), ...splitTarget(value.slice(slash)) };
  }
  if (fetch === 'query') return { query: [value] };
  if ((fetch === 'url_param' || fetch === 'urlp') && arg) return { query: [`${arg}=${value}`] };
  if (fetch === 'method') return { method: value.toUpperCase() };
  if (fetch === 'src') return sourceAddress(value);
  if ((fetch === 'cook' || fetch === 'req.cook' || fetch === 'cookie') && arg) return { cookies: [`${arg}=${value}`] };
  if (fetch === 'ssl_fc_sni' || fetch === 'req.ssl_sni' || fetch === 'req_ssl_sni') return { sni: value.toLowerCase() };
  const header = headerTarget(fetch, arg);
  if (header === 'host') return { host: hostFor(value, method) };
  if (header) return { headers: { [headerName(header)]: value } };
  return undefined;
}

function hostFor(value: string, method: string | undefined): string {
  if (method === 'end' && value.startsWith('.')) return `www${value}`;
  if (method === 'beg' && value.endsWith('.')) return `${value}example.com`;
  return value.replace(/:\d+$/, '');
}

function splitTarget(target: string): Constraint {
  const q = target.indexOf('?');
  return q < 0 ? { path: target } : { path: target.slice(0, q), query: target.slice(q + 1).split('&').filter(Boolean) };
}

/** The first usable address of an IPv4 network (`10.0.0.0/8` -> `10.0.0.1`), or the address itself. */
function sourceAddress(pattern: string): Constraint | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(pattern);
  if (!match) return /^[0-9a-fA-F:]+$/.test(pattern) && pattern.includes(':') ? { src: pattern } : undefined;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const bits = match[5] === undefined ? 32 : Number(match[5]);
  if (bits > 32) return undefined;
  let value = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  value = Math.floor(value / size) * size;
  if (size > 2) value += 1;
  return { src: [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.') };
}
