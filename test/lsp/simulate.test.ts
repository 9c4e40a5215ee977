import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeLensRequest, CodeLensResolveRequest, DidChangeTextDocumentNotification, type CodeLens } from 'vscode-languageserver-protocol/node';
import { SampleRequestsNotification, SimulateRequest, type SimRequest, type SimulateResponse } from '../../server/src/protocol';
import { repoRoot } from '../support/corpus';
import { startServerProcess, type ServerSession } from '../support/lsp-client';

const senexText = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');
const senexRequests: SimRequest[] = readFileSync(join(repoRoot, 'examples/senex/requests.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as SimRequest);

/** 1-based line of the first line of the Senex example that starts with `prefix` (after trimming). */
function lineOf(prefix: string, after = 0): number {
  const lines = senexText.split('\n');
  const index = lines.findIndex((line, i) => i >= after && line.trim().startsWith(prefix));
  assert.ok(index >= 0, `the Senex example has a line starting with ${prefix}`);
  return index + 1;
}

function indexOfRequest(predicate: (r: SimRequest) => boolean): number {
  const index = senexRequests.findIndex(predicate);
  assert.ok(index >= 0, 'examples/senex/requests.jsonl still has the request this test needs');
  return index;
}

describe('haproxy/simulate over a real language server connection (Senex example)', function () {
  this.timeout(30_000);
  let session: ServerSession;
  const uri = 'file:///tmp/senex-simulate/haproxy.cfg';

  const simulate = (requests: SimRequest[], serverStates?: { backend: string; server: string; state: 'up' | 'down' | 'maint' | 'drain' }[]) =>
    session.connection.sendRequest(SimulateRequest, { uri, requests, serverStates }) as Promise<SimulateResponse>;

  before(async () => {
    session = await startServerProcess();
    await session.open(uri, senexText, 1);
  });
  after(async () => {
    await session?.close();
  });

  it('routes every sample request of examples/senex in order, with the document version', async () => {
    const response = await simulate(senexRequests);
    assert.equal(response.uri, uri);
    assert.equal(response.version, 1);
    assert.deepEqual(response.parseErrors, []);
    assert.ok(response.results, `results expected, got error ${response.error}`);
    assert.equal(response.results.length, senexRequests.length);

    const acme = response.results[indexOfRequest((r) => r.url.includes('/.well-known/acme-challenge/'))];
    assert.equal(acme.frontend, 'fe_http');
    assert.equal(acme.backend, 'be_acme');
    assert.equal(acme.server, 'certbot');

    const plain = response.results[indexOfRequest((r) => r.url.startsWith('http://127.0.0.1:80/') && !r.url.includes('acme'))];
    assert.equal(plain.status, 301);
    assert.match(plain.location ?? '', /^https:\/\//);
    assert.equal(plain.backend, null);

    const sticky = response.results[indexOfRequest((r) => JSON.stringify(r.headers ?? {}).includes('SENEXWS=ws02'))];
    assert.equal(sticky.backend, 'be_websocket');
    assert.equal(sticky.server, 'ws02');
    const useBackend = sticky.trace.find((step) => step.kind === 'use_backend' && step.matched);
    assert.equal(useBackend?.line, lineOf('use_backend be_websocket'), 'the trace names the line of the matching use_backend');

    const fresh = response.results[indexOfRequest((r) => r.url === 'https://127.0.0.1:443/' && !r.headers?.Cookie)];
    assert.equal(fresh.backend, 'be_app');
    assert.match(fresh.setCookie ?? '', new RegExp(`^SERVERID=${fresh.server};`));
  });

  it('reports the distribution of the batch across backends and servers, consistent with the results', async () => {
    const response = await simulate(senexRequests);
    const results = response.results!;
    const { distribution } = response;
    assert.equal(distribution.total, results.length);
    const routed = distribution.backends.reduce((sum, b) => sum + b.count, 0);
    assert.equal(routed + distribution.answered + distribution.failed, results.length);
    for (const share of distribution.backends) {
      assert.equal(share.count, results.filter((r) => r.backend === share.backend && !r.error && r.frontend).length, share.backend);
      assert.equal(share.servers.reduce((sum, s) => sum + s.count, 0) + share.noServer, share.count);
      for (const server of share.servers) assert.equal(server.count, results.filter((r) => r.backend === share.backend && r.server === server.server).length);
    }
    const app = distribution.backends.find((b) => b.backend === 'be_app');
    assert.ok(app && app.servers.length >= 2, 'be_app requests spread over several servers');
    assert.equal(app.line, lineOf('backend be_app'));
    assert.equal(app.servers.find((s) => s.server === 'web02')?.line, lineOf('server web02', lineOf('backend be_app')));
  });

  it('applies server states: with every be_app server down the backup answers', async () => {
    const request = senexRequests[indexOfRequest((r) => r.url === 'https://127.0.0.1:443/' && !r.headers?.Cookie)];
    const down = ['web01', 'web02', 'web03'].map((server) => ({ backend: 'be_app', server, state: 'down' as const }));
    const response = await simulate([request], down);
    assert.equal(response.results![0].backend, 'be_app');
    assert.equal(response.results![0].server, 'maintenance');
  });

  it('returns presets from the config and an outline of proxies with their lines', async () => {
    const response = await simulate([]);
    assert.deepEqual(response.results, []);
    assert.ok(response.presets.some((p) => p.url.endsWith('/ws/')), 'a preset for the /ws/ path');
    assert.ok(response.presets.some((p) => p.headers?.Upgrade === 'websocket'), 'a preset with Upgrade: websocket');
    const app = response.proxies.find((p) => p.name === 'be_app');
    assert.equal(app?.kind, 'backend');
    assert.equal(app?.line, lineOf('backend be_app'));
    assert.deepEqual(app?.servers.map((s) => s.name), ['web01', 'web02', 'web03', 'maintenance']);
  });

  it('turns a malformed request into an error for that request only', async () => {
    const response = await simulate([{ method: 'GET', url: 'not a url' }, senexRequests[0]]);
    assert.ok(response.results![0].error, 'the malformed request has an error');
    assert.equal(response.results![1].error, undefined);
    assert.equal(response.distribution.failed, 1);
  });

  /** The lenses of the document, resolved as an editor resolves those it shows. */
  async function lenses(): Promise<CodeLens[]> {
    const unresolved = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.ok(unresolved.every((lens) => lens.command === undefined), 'titles come with codeLens/resolve');
    return Promise.all(unresolved.map((lens) => session.connection.sendRequest(CodeLensResolveRequest.type, lens)));
  }

  it('puts CodeLenses above frontends and backends counting the presets, then the samples the client sends', async () => {
    const before = await lenses();
    const presets = (await simulate([])).presets;
    const appLens = before.find((lens) => lens.range.start.line === lineOf('backend be_app') - 1);
    assert.match(appLens?.command?.title ?? '', new RegExp(`^\\d+ of ${presets.length} sample requests$`));
    assert.equal(appLens?.command?.command, 'haproxy.previewRouting');
    assert.deepEqual(appLens?.command?.arguments, [uri, 'be_app']);

    await session.connection.sendNotification(SampleRequestsNotification, { uri, requests: senexRequests });
    const after = await lenses();
    const results = (await simulate(senexRequests)).results!;
    const expected = results.filter((r) => r.backend === 'be_websocket').length;
    const wsLens = after.find((lens) => lens.range.start.line === lineOf('backend be_websocket') - 1);
    assert.equal(wsLens?.command?.title, `${expected} of ${senexRequests.length} sample requests`);
    const feLens = after.find((lens) => lens.range.start.line === lineOf('frontend fe_https') - 1);
    assert.equal(feLens?.command?.title, `${results.filter((r) => r.frontend === 'fe_https').length} of ${senexRequests.length} sample requests`);
  });

  it('reports a parse error with its line and no results after an edit breaks the config', async () => {
    const broken = lineOf('use_backend be_static');
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: broken - 1, character: 0 }, end: { line: broken - 1, character: 0 } }, text: '    http-request set-header X-Broken "unterminated\n' }],
    });
    const response = await simulate(senexRequests);
    assert.equal(response.version, 2);
    assert.equal(response.results, null);
    assert.equal(response.parseErrors[0]?.line, broken);
    assert.deepEqual(await lenses(), [], 'no counts while the text does not parse');
  });

  it('answers for a document it does not know with an error, and keeps running', async () => {
    const response = (await session.connection.sendRequest(SimulateRequest, { uri: 'file:///nowhere/haproxy.cfg', requests: senexRequests })) as SimulateResponse;
    assert.equal(response.version, null);
    assert.equal(response.results, null);
    assert.ok(response.error);
    assert.equal(session.process.exitCode, null);
  });
});
