import type { ConfigFile } from '../syntax/ast';
import type { ActionResult } from './actions/action-types';
import { Balancer } from './balance/balancer';
import { isUsable } from './balance/lb-server';
import type { CompileEnv } from './compile-env';
import type { CompiledProxy, CompiledRule } from './compiled-proxy';
import { compileProxy } from './config/compile-proxy';
import { activeConfig, GuardEvaluator } from './config/guards';
import { readProxySections, wordsOf } from './config/proxy-sections';
import type { ServerDef } from './config/servers';
import type { SimEnvironment, StreamContext } from './context';
import { FileStore } from './files';
import { selectFrontend } from './frontend-selection';
import { basicCredentials, uriPath } from './http-message';
import { formatIp } from './ip';
import { parseRequest } from './request';
import { StickTable, parseStickTable } from './stick-tables';
import { Trace } from './trace';
import { routeBackend } from './server-selection';
import type { ServerState, SimOptions, SimRequest, SimResult } from './types';

export type { ServerState, SimOptions, SimRequest, SimResult, TraceStep } from './types';

/** The whole compiled configuration and the state shared by the requests of a run. */
export interface SimulatorState {
  proxies: CompiledProxy[];
  byName: Map<string, CompiledProxy>;
  frontends: CompiledProxy[];
  env: SimEnvironment;
  compile: CompileEnv;
  clock: number;
  /** Assumptions made while choosing `.if` branches, reported with every request. */
  guardNotes: Set<string>;
}

function emptyResult(trace: Trace, error?: string): SimResult {
  const r: SimResult = { frontend: null, backend: null, server: null, status: null, location: null, setCookie: null, trace: trace.steps };
  if (error) r.error = error;
  return r;
}

function applyServerState(be: CompiledProxy, s: ServerDef, state: ServerState['state']): void {
  const before = isUsable(s);
  s.running = state === 'up' || state === 'drain';
  s.draining = state === 'drain';
  const after = isUsable(s);
  if (before !== after) be.balancer?.stateChanged(s, after);
}

/** Servers with `track [backend/]server` take the state of the server they track. */
function followTrackedServers(proxies: CompiledProxy[], byName: Map<string, CompiledProxy>): void {
  for (const be of proxies) {
    for (const s of be.servers) {
      if (!s.trackRef) continue;
      const [bName, sName] = s.trackRef.includes('/') ? s.trackRef.split('/') : [be.name, s.trackRef];
      const tracked = byName.get(bName)?.servers.find((x) => x.name === sName);
      if (!tracked || tracked.running === s.running) continue;
      applyServerState(be, s, tracked.running ? 'up' : 'down');
    }
  }
}

function readUserlists(file: ConfigFile): SimEnvironment['userlists'] {
  const lists: SimEnvironment['userlists'] = new Map();
  for (const section of file.sections) {
    if (section.type !== 'userlist' || !section.name) continue;
    const users = new Map<string, { password: string; groups: string[] }>();
    const groupMembers = new Map<string, string[]>();
    for (const d of section.directives) {
      const w = wordsOf(d);
      if (d.keyword.value === 'user') {
        const pi = w.indexOf('insecure-password');
        const hi = w.indexOf('password');
        const gi = w.indexOf('groups');
        users.set(w[0] ?? '', {
          password: pi >= 0 ? `plain:${w[pi + 1] ?? ''}` : `crypt:${hi >= 0 ? w[hi + 1] ?? '' : ''}`,
          groups: gi >= 0 ? (w[gi + 1] ?? '').split(',') : [],
        });
      } else if (d.keyword.value === 'group') {
        const ui = w.indexOf('users');
        groupMembers.set(w[0] ?? '', ui >= 0 ? (w[ui + 1] ?? '').split(',') : []);
      }
    }
    for (const [group, members] of groupMembers) for (const m of members) users.get(m)?.groups.push(group);
    lists.set(section.name.value, users);
  }
  return lists;
}

function buildState(loaded: ConfigFile, options: SimOptions): SimulatorState {
  const compile: CompileEnv = { files: new FileStore(options.baseDir, options.readFile), problems: [], unsupported: new Set(), line: 0 };
  const guards = new GuardEvaluator();
  const file = activeConfig(loaded, guards);
  const sections = readProxySections(file);
  const proxies = sections.map((p) => compileProxy(p, compile));
  const byName = new Map<string, CompiledProxy>();
  for (const p of proxies) if (!byName.has(p.name)) byName.set(p.name, p);
  const tables = new Map<string, StickTable>();
  for (const p of sections) {
    for (const d of p.section.directives) {
      if (d.keyword.value !== 'stick-table' || d.prefix) continue;
      const spec = parseStickTable(p.name, wordsOf(d), d.range.start.line + 1);
      if (typeof spec === 'string') compile.problems.push({ line: d.range.start.line + 1, message: spec });
      else tables.set(p.name, new StickTable(spec));
    }
  }
  for (const p of proxies) {
    if (p.kind === 'frontend') continue;
    for (const s of p.servers) s.running = !s.disabledAtStart;
    p.balancer = new Balancer(p.balance, p.servers, p.options.allbackups);
  }
  for (const st of options.serverStates ?? []) {
    const be = byName.get(st.backend);
    const s = be?.servers.find((x) => x.name === st.server);
    if (be && s) applyServerState(be, s, st.state);
  }
  followTrackedServers(proxies, byName);
  const env: SimEnvironment = {
    tables,
    readFile: (path) => compile.files.read(path),
    backendNames: new Set(proxies.filter((p) => p.kind !== 'frontend').map((p) => p.name)),
    serverUp: (backend, server) => {
      const be = byName.get(backend);
      if (!be) return 0;
      return be.servers.filter((s) => (server === undefined || s.name === server) && s.running).length;
    },
    userlists: readUserlists(file),
  };
  return { proxies, byName, frontends: proxies.filter((p) => p.kind !== 'backend'), env, compile, clock: 0, guardNotes: guards.notes };
}

/** Runs a rule list; returns the result that ends the list (allow, answer, close) or undefined. */
export function runRules(rules: CompiledRule[], kind: string, ctx: StreamContext): ActionResult | undefined {
  for (const rule of rules) {
    let detail = '';
    if (rule.cond) {
      const out = rule.cond(ctx);
      detail = out.detail;
      if (!out.matched) {
        ctx.trace.add(kind, rule.line, rule.text, { matched: false, detail });
        continue;
      }
    }
    const res = rule.run(ctx);
    const note = res.kind === 'continue' ? res.note : res.kind === 'respond' ? `${res.what}: ${res.status}${res.location ? ` ${res.location}` : ''}` : res.kind === 'close' ? res.what : 'allow';
    ctx.trace.add(kind, rule.line, rule.text, { matched: true, detail: [detail, note].filter(Boolean).join('; ') });
    if (res.kind !== 'continue') return res;
  }
  return undefined;
}

/** Turns a rule list's ending into the final answer, or undefined when processing goes on. */
export function finalAnswer(res: ActionResult | undefined, result: SimResult): boolean {
  if (!res || res.kind === 'allow' || res.kind === 'continue') return false;
  if (res.kind === 'respond') {
    result.status = res.status;
    result.location = res.location ?? null;
    result.setCookie = res.setCookie ?? null;
    result.reason = res.what;
  } else {
    result.status = null;
    result.reason = res.what;
  }
  return true;
}

/** Routes one request through the frontend phase, then hands over to the backend. */
function routeOne(state: SimulatorState, req: SimRequest): SimResult {
  const trace = new Trace();
  const parsed = parseRequest(req);
  if (!parsed.ok) {
    trace.add('request', 0, 'request rejected', { detail: parsed.error });
    return emptyResult(trace, parsed.error);
  }
  const r = parsed.request;
  if (r.time !== undefined && r.time > state.clock) state.clock = r.time;
  const choice = selectFrontend(state.frontends, r);
  if ('error' in choice) {
    trace.add('frontend', 0, 'no listener', { detail: choice.error });
    return emptyResult(trace, choice.error);
  }
  const fe = choice.proxy;
  trace.add('frontend', choice.bind.line, `${fe.kind} ${fe.name}`, {
    matched: true,
    detail: `bind ${choice.bind.text}${choice.bind.ssl ? ' ssl' : ''} (${fe.mode} mode) accepts ${r.scheme}://${r.dst ? formatIp(r.dst) : r.host}:${r.port}${choice.note ? `; ${choice.note}` : ''}`,
  });
  const ctx: StreamContext = {
    http: r.http,
    isHttp: fe.mode === 'http',
    scheme: r.scheme === 'https' ? 'https' : 'http',
    src: r.src,
    srcPort: r.srcPort,
    dst: r.dst ?? choice.bind.address,
    dstPort: r.port,
    sni: r.sni,
    ssl: choice.bind.ssl,
    clientHello: r.scheme === 'https' && !choice.bind.ssl,
    frontendName: fe.name,
    frontendId: fe.id,
    currentProxy: fe.name,
    vars: new Map(),
    trackers: [],
    now: state.clock,
    env: state.env,
    trace,
    unsupported: new Set(state.guardNotes),
  };
  const result = emptyResult(trace);
  result.frontend = fe.name;
  try {
    routeStream(state, fe, ctx, result);
  } finally {
    for (const t of ctx.trackers) {
      if (t) t.table.set(t.entry, 'conn_cur', Math.max(0, (t.entry.values.get('conn_cur') ?? 1) - 1));
    }
  }
  if (ctx.unsupported.size) {
    result.unsupported = [...ctx.unsupported];
    for (const u of ctx.unsupported) trace.add('unsupported', 0, u, { detail: 'the simulator cannot know what HAProxy does here' });
  }
  return result;
}

function routeStream(state: SimulatorState, fe: CompiledProxy, ctx: StreamContext, result: SimResult): void {
  const { trace } = ctx;
  if (finalAnswer(runRules(fe.tcpConnection, 'tcp-request connection', ctx), result)) return;
  if (finalAnswer(runRules(fe.tcpSession, 'tcp-request session', ctx), result)) return;
  if (ctx.isHttp) {
    for (const t of ctx.trackers) if (t) t.table.count(t.entry, 'http_req', ctx.now);
  }
  if (finalAnswer(runRules(fe.tcpContent, 'tcp-request content', ctx), result)) return;
  if (ctx.isHttp && httpPhase(fe, ctx, result)) return;

  let be: CompiledProxy | undefined;
  for (const rule of fe.useBackends) {
    let detail = '';
    if (rule.cond) {
      const out = rule.cond(ctx);
      detail = out.detail;
      if (!out.matched) {
        trace.add('use_backend', rule.line, rule.text, { matched: false, detail });
        continue;
      }
    }
    const name = rule.name(ctx);
    const target = state.byName.get(name);
    if (!target || target.kind === 'frontend') {
      trace.add('use_backend', rule.line, rule.text, {
        matched: true,
        detail: `${detail ? `${detail}; ` : ''}backend '${name}' does not exist: HAProxy stops the use_backend rules here`,
      });
      break;
    }
    trace.add('use_backend', rule.line, rule.text, { matched: true, detail: [detail, rule.dynamic ? `name evaluates to '${name}'` : ''].filter(Boolean).join('; ') });
    be = target;
    break;
  }
  if (!be && fe.defaultBackend) {
    be = state.byName.get(fe.defaultBackend.name);
    trace.add('default_backend', fe.defaultBackend.line, `default_backend ${fe.defaultBackend.name}`, { matched: !!be, detail: be ? '' : 'no such backend' });
  }
  if (!be && fe.kind === 'listen') be = fe;
  if (!be) {
    trace.add('backend', fe.line, 'no backend', { detail: ctx.isHttp ? 'HAProxy answers 503' : 'the connection is closed' });
    if (ctx.isHttp) {
      result.status = 503;
      result.reason = 'no backend';
    }
    return;
  }
  result.backend = be.name;
  ctx.backendName = be.name;
  ctx.backendId = be.id;
  trace.add('backend', be.line, `${be.kind} ${be.name}`, { matched: true });
  if (be !== fe) {
    ctx.currentProxy = be.name;
    if (finalAnswer(runRules(be.tcpContent, 'tcp-request content', ctx), result)) return;
    if (ctx.isHttp && httpPhase(be, ctx, result)) return;
  }
  routeBackend(be, fe, ctx, result);
}

/** HTTP request processing of one proxy: monitor-uri, http-request rules, stats, old redirects. */
function httpPhase(p: CompiledProxy, ctx: StreamContext, result: SimResult): boolean {
  if (p.monitorUri && ctx.http.uri === p.monitorUri.uri) {
    ctx.trace.add('monitor-uri', p.monitorUri.line, `monitor-uri ${p.monitorUri.uri}`, { matched: true, detail: 'HAProxy answers 200' });
    result.status = 200;
    result.reason = 'monitor-uri';
    return true;
  }
  if (finalAnswer(runRules(p.httpRequest, 'http-request', ctx), result)) return true;
  if (p.stats && uriPath(ctx.http.uri).startsWith(p.stats.uri.replace(/\?.*$/, ''))) {
    const authorized = !p.stats.auth || statsCredentialsValid(p.stats.credentials, ctx);
    result.status = authorized ? 200 : 401;
    result.reason = 'stats';
    return true;
  }
  return finalAnswer(runRules(p.redirects, 'redirect', ctx), result);
}

/** Checks Basic credentials against `stats auth user:password` lines (environment variables are unknown). */
function statsCredentialsValid(credentials: string[], ctx: StreamContext): boolean {
  const creds = basicCredentials(ctx.http);
  if (!creds) return false;
  const given = `${creds.user}:${creds.pass}`;
  for (const c of credentials) {
    if (c === given) return true;
    if (/\$\{?\w/.test(c)) {
      const user = c.slice(0, c.indexOf(':'));
      if (given.startsWith(`${user}:`)) {
        ctx.unsupported.add(`stats auth password from the environment (${c}); any password for '${user}' is accepted`);
        return true;
      }
    }
  }
  return false;
}

/** A session that keeps state across requests (round-robin position, stick tables, leastconn counts). */
export function createSimulator(file: ConfigFile, options: SimOptions = {}): { route(req: SimRequest): SimResult } {
  const state = buildState(file, options);
  return {
    route(req: SimRequest): SimResult {
      try {
        return routeOne(state, req);
      } catch (err) {
        const trace = new Trace();
        const message = `internal simulator error: ${err instanceof Error ? err.message : String(err)}`;
        trace.add('error', 0, message);
        return emptyResult(trace, message);
      }
    },
  };
}
