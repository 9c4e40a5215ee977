import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRoute } from '../../server/src/cli/route';
import { followRedirects } from '../../server/src/simulator/follow-redirects';
import { createSimulator, type SimRequest } from '../../server/src/simulator/simulate';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { ensureBuilt } from '../support/build';
import { repoRoot } from '../support/corpus';

const SENEX = join(repoRoot, 'examples/senex/haproxy.cfg');
const GOOD = JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:80/' });

const LOOPS = `global
    log stdout local0
defaults
    mode http
    timeout client 5s
    timeout server 5s
    timeout connect 5s
frontend same_place
    bind 127.0.0.1:8001
    http-request redirect location /again
frontend to_https
    bind 127.0.0.1:80
    http-request redirect scheme https
frontend to_http
    bind 127.0.0.1:443 ssl crt /nowhere.pem
    http-request redirect scheme http code 302
frontend fine
    bind 127.0.0.1:8002
    http-request redirect location /done unless { path /done }
    default_backend b
backend b
    server s 127.0.0.1:9000
`;

describe('robustness: the simulator refuses bad requests clearly and never follows a redirect loop', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'haproxy-route-robustness-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function route(requestLines: string[], ...extra: string[]): { status: number; stdout: string; stderr: string } {
    const requests = join(dir, 'requests.jsonl');
    writeFileSync(requests, `${requestLines.join('\n')}\n`);
    let stdout = '';
    let stderr = '';
    const status = runRoute([SENEX, requests, ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { status, stdout, stderr };
  }

  const cases: [string, string, RegExp][] = [
    ['a malformed JSON line', '{"method": "GET", "url": ', /requests\.jsonl:2: not valid JSON/],
    ['a bad URL', JSON.stringify({ method: 'GET', url: 'http://exa mple.com/' }), /requests\.jsonl:2: url contains spaces/],
    ['a URL with an unknown scheme', JSON.stringify({ method: 'GET', url: 'ftp://127.0.0.1/' }), /requests\.jsonl:2: unsupported scheme 'ftp'/],
    ['a method that is not an HTTP token', JSON.stringify({ method: 'GE T', url: 'http://127.0.0.1/' }), /requests\.jsonl:2: invalid HTTP method 'GE T'/],
    ['a method that is not a string', JSON.stringify({ method: 42, url: 'http://127.0.0.1/' }), /requests\.jsonl:2: a request needs "method" and "url" strings/],
    ['huge headers', JSON.stringify({ method: 'GET', url: 'http://127.0.0.1/', headers: { 'X-Big': 'a'.repeat(70_000) } }), /requests\.jsonl:2: headers exceed 65536 bytes/],
  ];
  for (const [what, line, message] of cases) {
    it(`haproxy-route rejects ${what}, naming the line`, () => {
      const result = route([GOOD, line, GOOD]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    });
  }

  it('the bundled haproxy-route names the line too', () => {
    const bundle = ensureBuilt('dist/cli/haproxy-route.js');
    const requests = join(dir, 'bad.jsonl');
    writeFileSync(requests, `${GOOD}\n\n# a comment\n{oops}\n`);
    const result = spawnSync(process.execPath, [bundle, SENEX, requests], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bad\.jsonl:4: not valid JSON/);
  });

  it('the API answers a bad request with a clear error and keeps routing the next ones', () => {
    const simulator = createSimulator(parseConfig(readFileSync(SENEX, 'utf8')));
    const bad: { request: SimRequest; error: RegExp }[] = [
      { request: { method: 'GE T', url: 'http://127.0.0.1/' }, error: /invalid HTTP method/ },
      { request: { method: 'GET', url: 'not a url' }, error: /url contains spaces|malformed url/ },
      { request: { method: 'GET', url: 'http://127.0.0.1/', headers: { 'X-Big': 'a'.repeat(70_000) } }, error: /headers exceed/ },
      { request: { method: 'GET', url: 'http://127.0.0.1/', headers: { 'Bad Name': 'x' } }, error: /invalid header name/ },
      { request: null as never, error: /not an object/ },
    ];
    for (const { request, error } of bad) {
      const result = simulator.route(request);
      assert.match(result.error ?? '', error);
      assert.equal(result.backend, null);
    }
    assert.equal(simulator.route({ method: 'GET', url: 'https://127.0.0.1:443/api/x' }).backend, 'be_api');
  });

  it('reports a redirect loop instead of following it: to the same URL, and between two frontends', () => {
    const simulator = createSimulator(parseConfig(LOOPS));
    const same = followRedirects(simulator, { method: 'GET', url: 'http://127.0.0.1:8001/x' });
    assert.equal(same.loop, 'http://127.0.0.1:8001/again -> http://127.0.0.1:8001/again');
    const pingPong = followRedirects(simulator, { method: 'GET', url: 'http://127.0.0.1/page' });
    assert.equal(pingPong.loop, 'http://127.0.0.1/page -> https://127.0.0.1/page -> http://127.0.0.1/page');
    const fine = followRedirects(simulator, { method: 'GET', url: 'http://127.0.0.1:8002/start' });
    assert.equal(fine.loop, undefined);
    assert.equal(fine.results.at(-1)?.backend, 'b');
    assert.deepEqual(fine.urls, ['http://127.0.0.1:8002/start', 'http://127.0.0.1:8002/done']);
  });

  it('haproxy-route --follow reports the loop in its output and ends', () => {
    const config = join(dir, 'loops.cfg');
    writeFileSync(config, LOOPS);
    const requests = join(dir, 'loop-requests.jsonl');
    writeFileSync(requests, `${JSON.stringify({ method: 'GET', url: 'http://127.0.0.1/page' })}\n`);
    let stdout = '';
    const status = runRoute([config, requests, '--follow'], { stdout: (t) => (stdout += t), stderr: () => undefined });
    assert.equal(status, 0);
    const result = JSON.parse(stdout.trim());
    assert.equal(result.redirectLoop, 'http://127.0.0.1/page -> https://127.0.0.1/page -> http://127.0.0.1/page');
    let table = '';
    runRoute([config, requests, '--follow', '--format', 'table'], { stdout: (t) => (table += t), stderr: () => undefined });
    assert.match(table, /request 1 \(GET http:\/\/127\.0\.0\.1\/page\): redirect loop: /);
  });
});
