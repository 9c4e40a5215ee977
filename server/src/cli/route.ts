import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseConfig } from '../syntax/parse-config';
import { followRedirects } from '../simulator/follow-redirects';
import { parseRequest } from '../simulator/request';
import { createSimulator, type ServerState, type SimRequest, type SimResult } from '../simulator/simulate';
import { formatRouteTable } from './route-table';

export interface RouteIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const ROUTE_USAGE = `Usage: haproxy-route CONFIG REQUESTS [--down BACKEND/SERVER]... [--format json|table] [--follow]
       haproxy-route --check ROUTES.json CONFIG [--down BACKEND/SERVER]...

Tells where HAProxy sends each request of REQUESTS (JSON lines, one request a line:
{"method":"GET","url":"https://127.0.0.1:8443/x?a=1","headers":{"Host":"a.example"},"src":"203.0.113.7"}).
  --format   json (default): one result line per request; table: one row per request and a distribution summary
  --down     take a server out of rotation (as if its health check failed); repeatable
  --follow   follow the redirects HAProxy answers (at most 10), reporting a redirect loop instead of following it
  --check    compare with the expectations of ROUTES.json; exit 1 listing every mismatch
Exit status: 0 success, 1 mismatches (--check), 2 bad arguments, unreadable files or a malformed request line.`;

interface RouteArgs {
  format: 'json' | 'table';
  follow: boolean;
  down: ServerState[];
  check?: string;
  files: string[];
}

function parseArgs(argv: string[]): RouteArgs | string {
  const args: RouteArgs = { format: 'json', follow: false, down: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (flag === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'table') return `unknown format '${f ?? ''}' (expected json or table)`;
      args.format = f;
    } else if (flag === '--down') {
      const v = value() ?? '';
      const m = /^([^/\s]+)\/([^/\s]+)$/.exec(v);
      if (!m) return `--down expects BACKEND/SERVER, got '${v}'`;
      args.down.push({ backend: m[1], server: m[2], state: 'down' });
    } else if (flag === '--check') {
      const v = value();
      if (!v) return '--check expects a ROUTES.json file';
      args.check = v;
    } else if (flag === '--follow') {
      args.follow = true;
    } else if (flag === '--help' || flag === '-h') return 'help';
    else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else args.files.push(arg);
  }
  if (args.check !== undefined) {
    if (args.files.length !== 1) return '--check needs exactly one CONFIG';
  } else if (args.files.length !== 2) return 'expected CONFIG and REQUESTS';
  return args;
}

function read(path: string): string | { error: string } {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}` };
  }
}

function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function isRequest(v: unknown): v is SimRequest {
  if (!v || typeof v !== 'object') return false;
  const r = v as Partial<SimRequest>;
  if (typeof r.url !== 'string') return false;
  if (r.method === undefined && /^tcp:\/\//i.test(r.url)) {
    r.method = '';
    return true;
  }
  return typeof r.method === 'string';
}

/** Reads a JSON-lines request file; a bad line is an error naming it. */
export function parseRequestLines(text: string, fileName: string): SimRequest[] | string {
  const out: SimRequest[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#') || line.startsWith('//')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      return `${fileName}:${i + 1}: not valid JSON (${(err as Error).message})`;
    }
    if (!isRequest(value)) return `${fileName}:${i + 1}: a request needs "method" and "url" strings (tcp:// urls need no method)`;
    const checked = parseRequest(value);
    if (!checked.ok) return `${fileName}:${i + 1}: ${checked.error}`;
    out.push(value);
  }
  return out;
}

function simulatorFor(configPath: string, down: ServerState[]): { route(r: SimRequest): SimResult } | string {
  const text = read(configPath);
  if (typeof text !== 'string') return text.error;
  return createSimulator(parseConfig(text), { serverStates: down, baseDir: dirname(resolve(configPath)), readFile: readTextFile });
}

/** An expectation of a ROUTES.json file: a request and the fields its result must have. */
export interface RouteExpectation {
  name?: string;
  request: SimRequest;
  expect: Partial<Pick<SimResult, 'frontend' | 'backend' | 'server' | 'status' | 'location' | 'setCookie'>>;
}

const CHECKED_FIELDS = ['frontend', 'backend', 'server', 'status', 'location', 'setCookie'] as const;

function parseRoutes(text: string, fileName: string): { down: ServerState[]; routes: RouteExpectation[] } | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `${fileName}: not valid JSON (${(err as Error).message})`;
  }
  const obj = Array.isArray(doc) ? { routes: doc } : (doc as { routes?: unknown; down?: unknown });
  if (!obj || !Array.isArray(obj.routes)) return `${fileName}: expected {"routes": [...]} or an array of routes`;
  const down: ServerState[] = [];
  for (const d of Array.isArray(obj.down) ? obj.down : []) {
    const m = typeof d === 'string' ? /^([^/\s]+)\/([^/\s]+)$/.exec(d) : null;
    if (!m) return `${fileName}: "down" entries are "BACKEND/SERVER" strings`;
    down.push({ backend: m[1], server: m[2], state: 'down' });
  }
  const routes: RouteExpectation[] = [];
  for (let i = 0; i < obj.routes.length; i++) {
    const r = obj.routes[i] as RouteExpectation;
    if (!r || !isRequest(r.request) || !r.expect || typeof r.expect !== 'object') {
      return `${fileName}: route ${i + 1} needs "request" (method, url) and "expect"`;
    }
    routes.push(r);
  }
  return { down, routes };
}

function runCheck(args: RouteArgs, io: RouteIo): number {
  const routesText = read(args.check!);
  if (typeof routesText !== 'string') {
    io.stderr(`haproxy-route: ${routesText.error}\n`);
    return 2;
  }
  const spec = parseRoutes(routesText, args.check!);
  if (typeof spec === 'string') {
    io.stderr(`haproxy-route: ${spec}\n`);
    return 2;
  }
  const sim = simulatorFor(args.files[0], [...spec.down, ...args.down]);
  if (typeof sim === 'string') {
    io.stderr(`haproxy-route: ${sim}\n`);
    return 2;
  }
  let mismatches = 0;
  spec.routes.forEach((route, i) => {
    const result = sim.route(route.request);
    const label = route.name ?? `${route.request.method} ${route.request.url}`;
    const diffs: string[] = [];
    for (const field of CHECKED_FIELDS) {
      if (!(field in route.expect)) continue;
      const want = route.expect[field] ?? null;
      const got = result[field];
      if (want !== got) diffs.push(`${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
    if (result.error && !diffs.length && Object.keys(route.expect).length === 0) diffs.push(`error: ${result.error}`);
    if (diffs.length) {
      mismatches++;
      io.stdout(`MISMATCH route ${i + 1} (${label})\n${diffs.map((d) => `  ${d}`).join('\n')}\n`);
    }
  });
  io.stdout(`${spec.routes.length - mismatches}/${spec.routes.length} routes as expected\n`);
  return mismatches ? 1 : 0;
}

/** Runs haproxy-route with command-line arguments; returns the exit status. */
export function runRoute(argv: string[], io: RouteIo): number {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.stdout(`${ROUTE_USAGE}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    io.stderr(`haproxy-route: ${args}\n${ROUTE_USAGE}\n`);
    return 2;
  }
  if (args.check !== undefined) return runCheck(args, io);
  const [configPath, requestsPath] = args.files;
  const requestText = read(requestsPath);
  if (typeof requestText !== 'string') {
    io.stderr(`haproxy-route: ${requestText.error}\n`);
    return 2;
  }
  const requests = parseRequestLines(requestText, requestsPath);
  if (typeof requests === 'string') {
    io.stderr(`haproxy-route: ${requests}\n`);
    return 2;
  }
  const sim = simulatorFor(configPath, args.down);
  if (typeof sim === 'string') {
    io.stderr(`haproxy-route: ${sim}\n`);
    return 2;
  }
  if (args.follow) return printFollowed(requests, sim, args.format, io);
  const results = requests.map((r) => sim.route(r));
  if (args.format === 'table') io.stdout(formatRouteTable(requests, results));
  else for (const r of results) io.stdout(`${JSON.stringify(r)}\n`);
  return 0;
}

/** `--follow`: the last answer of each request's redirect chain, with the URLs visited and any loop. */
function printFollowed(requests: SimRequest[], sim: { route(r: SimRequest): SimResult }, format: RouteArgs['format'], io: RouteIo): number {
  const chains = requests.map((r) => followRedirects(sim, r));
  if (format === 'table') {
    io.stdout(formatRouteTable(requests, chains.map((c) => c.results.at(-1)!)));
    chains.forEach((c, i) => {
      if (c.loop) io.stdout(`request ${i + 1} (${requests[i].method} ${requests[i].url}): redirect loop: ${c.loop}\n`);
      else if (c.tooMany) io.stdout(`request ${i + 1} (${requests[i].method} ${requests[i].url}): ${c.tooMany}\n`);
    });
    return 0;
  }
  for (const c of chains) {
    const extra = { redirects: c.urls.slice(1), ...(c.loop ? { redirectLoop: c.loop } : {}), ...(c.tooMany ? { tooManyRedirects: c.tooMany } : {}) };
    io.stdout(`${JSON.stringify({ ...c.results.at(-1)!, ...extra })}\n`);
  }
  return 0;
}
