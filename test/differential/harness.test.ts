import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { differences } from './compare';
import { startEchoServer } from './echo-server';
import { sendRequest } from './http-client';
import type { OracleRun } from './oracle-runner';
import { allocatePorts, listeningSockets, socketInodesOf } from './ports';
import type { Observation, Scenario } from './scenario';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { SCENARIOS } from './scenarios/index';
import { routeWithSimulator, type SimRequest, type SimResult, type SimulatorApi } from './simulator-runner';
import { defaultSource, findServerSlots, portNames, resolveConfig, resolveRequest } from './template';

const values = { ports: new Map([['web', 8080], ['tls', 8443]]), dir: '/tmp/d', cert: '/tmp/c.pem' };

describe('differential harness (no HAProxy needed)', () => {
  describe('templates', () => {
    const config = [
      'frontend fe',
      '    bind 127.0.0.1:{{port:web}}',
      '    bind 127.0.0.1:{{port:tls}} ssl crt {{cert}}',
      '    use_backend %[req.hdr(host),map({{dir}}/hosts.map)]',
      'backend one',
      '    server a {{echo}} weight 2',
      '    server b {{closed}} check inter 100ms',
      'listen two',
      '    server c {{echo}}',
    ].join('\n');

    it('finds the server slots with the proxy they belong to', () => {
      assert.deepEqual(findServerSlots(config), [
        { backend: 'one', server: 'a', kind: 'echo' },
        { backend: 'one', server: 'b', kind: 'closed' },
        { backend: 'two', server: 'c', kind: 'echo' },
      ]);
    });

    it('refuses a closed server without a health check, which HAProxy would never mark down', () => {
      assert.throws(() => findServerSlots('backend x\n  server s {{closed}}\n'), /needs 'check'/);
    });

    it('fills ports, directory, certificate and server addresses in order', () => {
      const text = resolveConfig(config, { ...values, serverAddresses: ['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3'] });
      assert.match(text, /bind 127\.0\.0\.1:8080\n/);
      assert.match(text, /bind 127\.0\.0\.1:8443 ssl crt \/tmp\/c\.pem/);
      assert.match(text, /map\(\/tmp\/d\/hosts\.map\)/);
      assert.match(text, /server a 127\.0\.0\.1:1 weight 2/);
      assert.match(text, /server b 127\.0\.0\.1:2 check/);
      assert.match(text, /server c 127\.0\.0\.1:3$/);
      assert.doesNotMatch(text, /\{\{/);
    });

    it('rejects a port name that was never allocated', () => {
      assert.throws(() => resolveConfig('bind :{{port:nope}}', { ...values, serverAddresses: [] }), /port:nope/);
    });

    it('collects port names from the config, the files and the request URLs', () => {
      const scenario: Scenario = {
        name: 's', about: '', config: 'bind :{{port:a}}', files: { 'f.map': 'x {{port:b}}' },
        requests: [{ url: 'http://127.0.0.1:{{port:c}}/' }, { url: 'http://127.0.0.1:{{port:a}}/' }],
      };
      assert.deepEqual(portNames(scenario).sort(), ['a', 'b', 'c']);
    });

    it('writes out the Host header and connects to the URL address', () => {
      const r = resolveRequest({ url: 'http://127.0.0.2:{{port:web}}/p?q=1' }, 3, values);
      assert.equal(r.url, 'http://127.0.0.2:8080/p?q=1');
      assert.deepEqual(r.headers, { Host: '127.0.0.2:8080' });
      assert.equal(r.dst, '127.0.0.2');
      assert.equal(r.port, 8080);
      assert.equal(r.tls, false);
      assert.equal(r.src, defaultSource(3));
    });

    it('sends a named host to 127.0.0.1 and keeps an explicit Host header, SNI and source', () => {
      const named = resolveRequest({ url: 'https://www.example.com:{{port:tls}}/' }, 0, values);
      assert.equal(named.dst, '127.0.0.1');
      assert.equal(named.headers.Host, 'www.example.com:8443');
      assert.equal(named.tls, true);
      const explicit = resolveRequest(
        { url: 'https://127.0.0.1/', headers: { host: 'api.example.com' }, sni: 'api.example.com', src: '127.9.9.9' },
        0, values);
      assert.deepEqual(explicit.headers, { host: 'api.example.com' });
      assert.equal(explicit.port, 443);
      assert.equal(explicit.sni, 'api.example.com');
      assert.equal(explicit.src, '127.9.9.9');
    });

    it('gives every request of a scenario its own loopback source', () => {
      const sources = Array.from({ length: 250 }, (_u, i) => defaultSource(i));
      assert.equal(new Set(sources).size, 250);
      for (const s of sources) assert.match(s, /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    });
  });

  describe('scenarios', () => {
    it('send at least 300 requests in all', () => {
      const total = SCENARIOS.reduce((sum, s) => sum + s.requests.length, 0);
      assert.ok(total >= 300, `only ${total} requests`);
    });

    it('have unique names and every server slot inside a named proxy', () => {
      assert.equal(new Set(SCENARIOS.map((s) => s.name)).size, SCENARIOS.length);
      for (const scenario of SCENARIOS) {
        for (const slot of findServerSlots(scenario.config)) assert.ok(slot.backend, `${scenario.name}: ${slot.server}`);
      }
    });
  });

  describe('ports', () => {
    it('reads LISTEN sockets from /proc/net/tcp text, with their inodes', () => {
      const text = [
        '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
        '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0',
        '   1: 0100007F:1F91 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0',
        '   2: 0200007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0',
      ].join('\n');
      assert.deepEqual([...listeningSockets(text)], [[0x1f90, ['111', '333']]]);
    });

    it('finds the listening socket a process owns', async () => {
      const server = http.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      try {
        const port = (server.address() as AddressInfo).port;
        const inodes = listeningSockets(fs.readFileSync('/proc/net/tcp', 'utf8')).get(port) ?? [];
        const own = socketInodesOf(process.pid);
        assert.equal(inodes.filter((inode) => own.has(inode)).length, 1);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('allocates distinct ports', async () => {
      const ports = await allocatePorts(20);
      assert.equal(new Set(ports).size, 20);
    });
  });

  describe('client and echo server', () => {
    it('records the server named by an echo server', async () => {
      const echo = await startEchoServer('be', 'srv');
      try {
        const observed = await sendRequest(resolveRequest({ url: `http://127.0.0.1:${echo.port}/x` }, 0, values));
        assert.deepEqual(observed, { status: 200, location: null, servedBy: 'be/srv', setCookie: null });
      } finally {
        await echo.close();
      }
    });

    it('sends from the chosen source address and reports Location and Set-Cookie', async () => {
      let peer: string | undefined;
      const server = http.createServer((req, res) => {
        peer = req.socket.remoteAddress;
        res.writeHead(302, { location: '/there', 'set-cookie': 'A=1; path=/' }).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      try {
        const port = (server.address() as AddressInfo).port;
        const request = resolveRequest({ url: `http://127.0.0.1:${port}/`, src: '127.42.0.7' }, 0, values);
        const observed = await sendRequest(request);
        assert.equal(peer, '127.42.0.7');
        assert.deepEqual(observed, { status: 302, location: '/there', servedBy: null, setCookie: 'A=1; path=/' });
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('reports a refused connection as no response', async () => {
      const [port] = await allocatePorts(1);
      const observed = await sendRequest(resolveRequest({ url: `http://127.0.0.1:${port}/` }, 0, values));
      assert.equal(observed.status, null);
      assert.equal(observed.servedBy, null);
      assert.equal(observed.error, 'ECONNREFUSED');
    });
  });

  describe('comparison', () => {
    const forwarded: Observation = { status: 200, location: null, servedBy: 'be/s1', setCookie: 'SRV=s1; path=/' };
    const sim = (over: Partial<SimResult>): SimResult => ({
      frontend: 'fe', backend: 'be', server: 's1', status: null, location: null, setCookie: 'SRV=s1; path=/', trace: [],
      ...over,
    });

    it('agrees when the same server is chosen with the same cookie', () => {
      assert.deepEqual(differences(forwarded, sim({})), []);
    });

    it('names a different server, a missing cookie and an answer HAProxy did not give', () => {
      assert.deepEqual(differences(forwarded, sim({ server: 's2' })), ['answer: haproxy forwarded to be/s1, simulator forwarded to be/s2']);
      assert.deepEqual(differences(forwarded, sim({ setCookie: null })), ['set-cookie: haproxy "SRV=s1; path=/", simulator none']);
      assert.equal(differences(forwarded, sim({ server: null, status: 503 }))[0], 'answer: haproxy forwarded to be/s1, simulator status 503');
    });

    it('compares HAProxy own answers by status and location', () => {
      const redirect: Observation = { status: 302, location: '/new', servedBy: null, setCookie: null };
      const answer = sim({ backend: null, server: null, status: 302, location: '/new', setCookie: null });
      assert.deepEqual(differences(redirect, answer), []);
      assert.deepEqual(differences(redirect, { ...answer, status: 301 }), ['answer: haproxy status 302, simulator status 301']);
      assert.deepEqual(differences(redirect, { ...answer, location: '/old' }), ['location: haproxy "/new", simulator "/old"']);
    });

    it('treats a closed connection as an answer of its own and shows the simulator error on mismatch', () => {
      const closed: Observation = { status: null, location: null, servedBy: null, setCookie: null, error: 'ECONNRESET' };
      const rejected = sim({ backend: null, server: null, setCookie: null });
      assert.deepEqual(differences(closed, rejected), []);
      assert.deepEqual(differences(closed, { ...rejected, status: 403, error: 'x' }), [
        'answer: haproxy connection closed without a response, simulator status 403',
        'simulator error: x',
      ]);
    });
  });

  describe('simulator runner', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hx-diff-unit-'));
      fs.writeFileSync(path.join(dir, 'a.map'), 'k v\n');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = (): OracleRun => ({
      scenario: SCENARIOS[0], dir, config: 'frontend fe\n', haproxyOutput: '', cleanup: () => undefined,
      downServers: [{ backend: 'be', server: 's2' }],
      requests: [0, 1].map((i) => resolveRequest({ url: `https://127.0.0.1:{{port:tls}}/${i}`, sni: 'x.test' }, i, values)),
      observations: [],
    });

    it('routes every request through one simulator with the down servers and the files', () => {
      const seen: SimRequest[] = [];
      let created = 0;
      let fileText: string | undefined;
      const parsed = parseConfig('frontend fe\n');
      const api: SimulatorApi = {
        parseConfig: (text) => (assert.equal(text, 'frontend fe\n'), parsed),
        createSimulator: (file, options) => {
          created++;
          assert.equal(file, parsed);
          assert.deepEqual(options?.serverStates, [{ backend: 'be', server: 's2', state: 'down' }]);
          fileText = options?.readFile?.(path.join(dir, 'a.map'));
          assert.equal(options?.readFile?.('missing.map'), undefined);
          return { route: (request) => (seen.push(request), sim0(request.url)) };
        },
      };
      const results = routeWithSimulator(run(), api);
      assert.equal(created, 1);
      assert.equal(fileText, 'k v\n');
      assert.deepEqual(seen.map((r) => [r.url, r.src, r.sni, r.dst]), [
        ['https://127.0.0.1:8443/0', defaultSource(0), 'x.test', '127.0.0.1'],
        ['https://127.0.0.1:8443/1', defaultSource(1), 'x.test', '127.0.0.1'],
      ]);
      assert.deepEqual(results.map((r) => r.location), ['https://127.0.0.1:8443/0', 'https://127.0.0.1:8443/1']);
    });

    it('turns a throwing simulator into per-request errors', () => {
      const api: SimulatorApi = {
        parseConfig,
        createSimulator: () => ({ route: () => { throw new Error('boom'); } }),
      };
      const results = routeWithSimulator(run(), api);
      assert.deepEqual(results.map((r) => r.error), ['simulator threw: boom', 'simulator threw: boom']);
    });
  });
});

function sim0(location: string): SimResult {
  return { frontend: 'fe', backend: null, server: null, status: 302, location, setCookie: null, trace: [] };
}
