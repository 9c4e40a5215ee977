import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRoute } from '../../../server/src/cli/route';

const CONFIG = `defaults
  mode http
frontend fe
  bind 127.0.0.1:8080
  acl api path_beg /api
  http-request redirect scheme https code 301 if { path /secure }
  use_backend api if api
  default_backend app
backend app
  cookie SID insert indirect
  server a1 127.0.0.1:1 cookie a1
  server a2 127.0.0.1:2 cookie a2
backend api
  server p1 127.0.0.1:3
`;

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runRoute(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('haproxy-route CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-route-'));
  const cfg = join(dir, 'haproxy.cfg');
  const reqs = join(dir, 'requests.jsonl');
  writeFileSync(cfg, CONFIG);
  writeFileSync(
    reqs,
    [
      '{"method":"GET","url":"http://127.0.0.1:8080/"}',
      '{"method":"GET","url":"http://127.0.0.1:8080/"}',
      '# comments and blank lines are skipped',
      '',
      '{"method":"GET","url":"http://127.0.0.1:8080/api/x"}',
      '{"method":"GET","url":"http://127.0.0.1:8080/secure"}',
    ].join('\n'),
  );

  it('prints one JSON result per request, in order', () => {
    const { code, out } = run([cfg, reqs]);
    assert.equal(code, 0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    assert.deepEqual(lines.map((l) => [l.backend, l.server, l.status]), [['app', 'a1', null], ['app', 'a2', null], ['api', 'p1', null], [null, null, 301]]);
    assert.equal(lines[0].setCookie, 'SID=a1; path=/');
    assert.equal(lines[3].location, 'https://127.0.0.1:8080/secure');
    assert.ok(Array.isArray(lines[0].trace) && lines[0].trace.length > 0);
  });

  it('--down takes a server out; --format table prints rows and a distribution', () => {
    const { code, out } = run([cfg, reqs, '--down', 'app/a1', '--format', 'table']);
    assert.equal(code, 0);
    assert.match(out, /^#\s+REQUEST/);
    assert.match(out, /app\/a2\s+2\s+50\.0%/);
    assert.match(out, /answered 301 by HAProxy\s+1/);
    assert.doesNotMatch(out, /app\/a1/);
  });

  it('exits 2 on bad flags, missing files and malformed request lines (naming the line)', () => {
    assert.equal(run([cfg]).code, 2);
    assert.equal(run([cfg, reqs, '--format', 'xml']).code, 2);
    assert.equal(run([cfg, reqs, '--down', 'nobackend']).code, 2);
    assert.equal(run([cfg, reqs, '--bogus']).code, 2);
    const missing = run([join(dir, 'nope.cfg'), reqs]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope\.cfg: no such file/);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"method":"GET","url":"http://127.0.0.1:8080/"}\n{"method":"GET",\n');
    const r = run([cfg, bad]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.jsonl:2: not valid JSON/);
    writeFileSync(bad, '{"url":"http://127.0.0.1:8080/"}\n');
    assert.match(run([cfg, bad]).err, /bad\.jsonl:1: a request needs "method"/);
  });

  it('--check passes when routes match and exits 1 listing each mismatch', () => {
    const routes = join(dir, 'routes.json');
    writeFileSync(
      routes,
      JSON.stringify({
        routes: [
          { name: 'home', request: { method: 'GET', url: 'http://127.0.0.1:8080/' }, expect: { backend: 'app', server: 'a1', status: null } },
          { name: 'api', request: { method: 'GET', url: 'http://127.0.0.1:8080/api/v1' }, expect: { backend: 'api' } },
        ],
      }),
    );
    const ok = run(['--check', routes, cfg]);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /2\/2 routes as expected/);

    writeFileSync(
      routes,
      JSON.stringify({
        down: ['app/a1'],
        routes: [
          { name: 'home', request: { method: 'GET', url: 'http://127.0.0.1:8080/' }, expect: { server: 'a1' } },
          { request: { method: 'GET', url: 'http://127.0.0.1:8080/secure' }, expect: { status: 302, location: 'https://127.0.0.1:8080/secure' } },
        ],
      }),
    );
    const bad = run(['--check', routes, cfg]);
    assert.equal(bad.code, 1);
    assert.match(bad.out, /MISMATCH route 1 \(home\)\n {2}server: expected "a1", got "a2"/);
    assert.match(bad.out, /MISMATCH route 2 \(GET http:\/\/127\.0\.0\.1:8080\/secure\)\n {2}status: expected 302, got 301/);
    assert.match(bad.out, /0\/2 routes as expected/);
    writeFileSync(routes, '{"routes": [{"request": {}}]}');
    assert.equal(run(['--check', routes, cfg]).code, 2);
  });

  it('the Senex example routes as examples/senex/routes.json expects', function () {
    const root = join(import.meta.dirname, '..', '..', '..');
    const r = run(['--check', join(root, 'examples/senex/routes.json'), join(root, 'examples/senex/haproxy.cfg')]);
    assert.equal(r.code, 0, r.out);
  });
});
