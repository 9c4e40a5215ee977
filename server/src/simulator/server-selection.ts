import { isUsable } from './balance/lb-server';
import type { CompiledProxy } from './compiled-proxy';
import type { ServerDef } from './config/servers';
import type { StreamContext } from './context';
import { headerValues } from './http-message';
import { formatIp } from './ip';
import { insertedCookie, readPersistenceCookie } from './persistence';
import { sampleToString } from './sample';
import type { SimResult } from './types';

interface Assignment {
  server: ServerDef;
  direct: boolean;
  reason: string;
}

function persistFlags(be: CompiledProxy, ctx: StreamContext): { force: boolean; ignore: boolean } {
  let force = false;
  let ignore = false;
  for (const rule of be.persistRules) {
    const out = rule.cond ? rule.cond(ctx) : { matched: true, detail: '' };
    ctx.trace.add(rule.force ? 'force-persist' : 'ignore-persist', rule.line, rule.text, { matched: out.matched, detail: out.detail });
    if (out.matched) {
      if (rule.force) force = true;
      else ignore = true;
      break;
    }
  }
  return { force, ignore };
}

function addForwardedFor(fe: CompiledProxy, be: CompiledProxy, ctx: StreamContext): void {
  for (const p of fe === be ? [fe] : [fe, be]) {
    const opt = p.options.forwardfor;
    if (!opt) continue;
    if (opt.ifNone && headerValues(ctx.http, opt.header, false).length) continue;
    ctx.http.headers.push([opt.header, formatIp(ctx.src)]);
  }
}

function byCookie(be: CompiledProxy, ctx: StreamContext, force: boolean): Assignment | undefined {
  if (!be.cookie) return undefined;
  const verdict = readPersistenceCookie(be, ctx.http, force);
  const line = be.cookie.line;
  const label = `cookie ${be.cookie.name} ${be.cookie.mode}`;
  switch (verdict.state) {
    case 'none':
      ctx.trace.add('cookie', line, label, { matched: false, detail: 'the request has no persistence cookie' });
      return undefined;
    case 'invalid':
      ctx.trace.add('cookie', line, label, { matched: false, detail: `cookie value '${verdict.value}' names no server` });
      return undefined;
    case 'down':
      ctx.trace.add('cookie', line, label, { matched: false, detail: `cookie names ${verdict.server.name}, which is not up: load balancing instead` });
      return undefined;
    case 'valid':
      ctx.trace.add('cookie', line, label, { matched: true, detail: `cookie '${verdict.value}' names ${verdict.server.name}` });
      return { server: verdict.server, direct: true, reason: 'cookie' };
  }
}

function byUseServer(be: CompiledProxy, ctx: StreamContext, force: boolean): Assignment | undefined {
  for (const rule of be.useServers) {
    const out = rule.cond ? rule.cond(ctx) : { matched: true, detail: '' };
    if (!out.matched) {
      ctx.trace.add('use-server', rule.line, rule.text, { matched: false, detail: out.detail });
      continue;
    }
    const name = rule.server(ctx);
    const server = be.servers.find((s) => s.name === name);
    if (server && (server.running || be.options.persist || force)) {
      ctx.trace.add('use-server', rule.line, rule.text, { matched: true, detail: [out.detail, `server ${name}`].filter(Boolean).join('; ') });
      return { server, direct: true, reason: 'use-server' };
    }
    ctx.trace.add('use-server', rule.line, rule.text, { matched: true, detail: server ? `${name} is not up, next rule` : `no server '${name}'` });
  }
  return undefined;
}

function byStickMatch(be: CompiledProxy, ctx: StreamContext, force: boolean): Assignment | undefined {
  for (const rule of be.stickRules) {
    if (rule.kind !== 'match' && rule.kind !== 'on') continue;
    const out = rule.cond ? rule.cond(ctx) : { matched: true, detail: '' };
    if (!out.matched) {
      ctx.trace.add('stick', rule.line, rule.text, { matched: false, detail: out.detail });
      continue;
    }
    const table = ctx.env.tables.get(rule.table);
    const sample = rule.key.one(ctx);
    const key = sample && table ? table.keyOf(sample) : undefined;
    const entry = key !== undefined ? table?.lookup(key, ctx.now) : undefined;
    const id = entry ? entry.values.get('server_id') : undefined;
    const server = id !== undefined ? be.servers.find((s) => s.puid === id) : undefined;
    if (server && !server.nonStick && (server.running || be.options.persist || force)) {
      ctx.trace.add('stick', rule.line, rule.text, { matched: true, detail: `key ${key} is stuck to ${server.name}` });
      return { server, direct: true, reason: 'stick' };
    }
    ctx.trace.add('stick', rule.line, rule.text, {
      matched: false,
      detail: key === undefined ? 'no key' : server ? `key ${key} points to ${server.name}, which is not up` : `key ${key} not in table ${rule.table}`,
    });
  }
  return undefined;
}

function storeStick(be: CompiledProxy, ctx: StreamContext, server: ServerDef): void {
  if (server.nonStick) return;
  for (const rule of be.stickRules) {
    if (rule.kind !== 'on' && rule.kind !== 'store-request') continue;
    if (rule.cond && !rule.cond(ctx).matched) continue;
    const table = ctx.env.tables.get(rule.table);
    const sample = rule.key.one(ctx);
    const key = sample && table ? table.keyOf(sample) : undefined;
    if (!table || key === undefined) continue;
    const entry = table.getOrCreate(key, ctx.now);
    if (entry.values.get('server_id') === server.puid) continue;
    entry.values.set('server_id', server.puid);
    ctx.trace.add('stick', rule.line, rule.text, { matched: true, detail: `stores ${key} -> ${server.name}` });
  }
}

/** Server choice in a backend, in HAProxy's order: use-server, cookie, stick match, then the balance algorithm. */
export function routeBackend(be: CompiledProxy, fe: CompiledProxy, ctx: StreamContext, result: SimResult): void {
  const { force, ignore } = ctx.isHttp ? persistFlags(be, ctx) : { force: false, ignore: false };
  if (ctx.isHttp) addForwardedFor(fe, be, ctx);
  // Observed on HAProxy 2.6: a matching use-server rule wins over a valid persistence cookie.
  let assigned = byUseServer(be, ctx, force);
  if (ctx.isHttp && !ignore) assigned ??= byCookie(be, ctx, force);
  if (!ignore) assigned ??= byStickMatch(be, ctx, force);
  const balancer = be.balancer;
  if (!assigned && balancer) {
    if (be.balance.algorithm === 'rdp-cookie') ctx.unsupported.add('balance rdp-cookie (the RDP cookie is in the TCP payload; round-robin fallback shown)');
    const pick = balancer.pick({
      src: ctx.src,
      uri: ctx.http.uri,
      method: ctx.http.method,
      body: ctx.http.body,
      firstHeaderValue: (name) => headerValues(ctx.http, name, true)[0],
      hashExpression: be.balance.algorithm === 'hash' ? () => hashExpressionValue(be, ctx) : undefined,
    });
    const server = pick.server as ServerDef | null;
    ctx.trace.add('balance', be.balanceLine, `balance ${be.balance.algorithm}${be.balance.algorithm !== 'roundrobin' ? ` (${be.balance.hashType})` : ''}`, {
      matched: !!server,
      detail: server ? `${pick.detail} -> ${server.name}${server.backup ? ' (backup)' : ''}` : pick.detail,
    });
    if (server) assigned = { server, direct: false, reason: pick.random ? 'random' : server.backup ? 'backup' : be.balance.algorithm };
  }
  if (!assigned) {
    ctx.trace.add('server', be.line, 'no server available', { detail: ctx.isHttp ? 'HAProxy answers 503' : 'the connection is closed' });
    if (ctx.isHttp) {
      result.status = 503;
      result.reason = 'no server available';
    }
    return;
  }
  const server = assigned.server;
  result.server = server.name;
  result.reason = assigned.reason;
  ctx.trace.add('server', server.line, `server ${server.name}`, { matched: true, detail: `${assigned.reason}${isUsable(server) ? '' : ' (server not taking new load)'}` });
  if (ctx.isHttp && server.redir && (ctx.http.method === 'GET' || ctx.http.method === 'HEAD')) {
    result.status = 302;
    result.location = server.redir + ctx.http.uri;
    result.reason = `redir of server ${server.name}`;
    result.server = null;
    ctx.trace.add('response', server.line, `server ${server.name} redir ${server.redir}`, { matched: true, detail: `HAProxy answers 302 to ${result.location}` });
    return;
  }
  storeStick(be, ctx, server);
  if (ctx.isHttp && be.cookie) {
    const cookie = insertedCookie(be.cookie, server, assigned.direct, ctx.http.method, ignore);
    if (cookie) {
      result.setCookie = cookie;
      ctx.trace.add('cookie', be.cookie.line, `Set-Cookie: ${cookie}`, { matched: true, detail: 'HAProxy adds it to the response' });
      if (be.cookie.maxidle || be.cookie.maxlife) ctx.unsupported.add('cookie maxidle/maxlife dates (they depend on the clock)');
    }
  }
  if (be.cookie?.dynamic) ctx.unsupported.add('dynamic cookies');
  balancer?.take(server);
  balancer?.release(server);
}

function hashExpressionValue(be: CompiledProxy, ctx: StreamContext): string | undefined {
  const text = be.balance.hashExpression;
  if (!text) return undefined;
  const expr = be.hashExpr;
  const v = expr?.one(ctx);
  return v ? sampleToString(v) : undefined;
}
