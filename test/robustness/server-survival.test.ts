import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, DocumentSymbolRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SimulateRequest } from '../../server/src/protocol';
import { ensureBuilt } from '../support/build';
import { repoRoot } from '../support/corpus';
import { advertisedRequests, type AdvertisedRequest } from './advertised-requests';
import { startLspProcess, type LspProcess } from './lsp-process';

const OPERATIONS = Number(process.env.LSP_STRESS_OPERATIONS ?? 3000);
const SNIPPETS = ['x', '"', "'", '{', '}', ' if ', ' || ', '\n', '\r\n', '\t', '#', '\\', '\0', 'é', '\n    acl a path_beg /a\n', '\nbackend zz\n    server s 1.2.3.4:80\n', '\nfrontend f2\n    use_backend zz if a\n', '%[req.hdr(', '${V'];

/** Deterministic randomness, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('robustness: the language server survives random edits and requests over stdio', function () {
  this.timeout(600_000);
  const uri = 'file:///stress/haproxy.cfg';
  let server: LspProcess;

  before(async () => {
    server = await startLspProcess(ensureBuilt('dist/server/server.js'));
  });
  after(async () => {
    await server?.stop();
  });

  it(`answers after ${OPERATIONS} random edits, requests on stale positions and cancelled requests, with no crash logged`, async () => {
    const next = random(Number(process.env.FUZZ_SEED ?? 20_261_124));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    let document = TextDocument.create(uri, 'haproxy', 1, readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8'));
    await server.open(uri, document.getText(), 1);
    const requests: AdvertisedRequest[] = [
      ...advertisedRequests(server.capabilities),
      { method: SimulateRequest.method, params: (t) => ({ uri: t.uri, requests: [{ method: 'GET', url: `http://127.0.0.1:80/${t.line}` }, { method: 'BAD METHOD', url: '::' }] }) },
    ];
    const pending: Promise<unknown>[] = [];
    const failures: string[] = [];
    let answered = 0;
    const track = (method: string, promise: Promise<unknown>) =>
      pending.push(
        promise.then((result) => {
          if (result !== null && result !== undefined) answered++;
        }).catch((error: { code?: number; message?: string }) => {
          // Cancelled requests and requests the server refuses with a ResponseError are answers; anything else is not.
          if (error?.code === undefined) failures.push(`${method}: ${String(error?.message ?? error)}`);
        }),
      );

    for (let i = 0; i < OPERATIONS; i++) {
      const roll = next();
      const lines = document.lineCount;
      const line = Math.floor(next() * (lines + 2));
      const character = Math.floor(next() * 80);
      if (roll < 0.45) {
        const end = { line: Math.min(line + Math.floor(next() * 3), lines + 1), character: Math.floor(next() * 40) };
        const start = { line, character };
        const range = end.line < start.line || (end.line === start.line && end.character < start.character) ? { start: end, end: start } : { start, end };
        const change: TextDocumentContentChangeEvent = { range, text: next() < 0.3 ? '' : pick(SNIPPETS) };
        document = TextDocument.update(document, [change], document.version + 1);
        await server.change(uri, document.version, [change]);
      } else if (roll < 0.5) {
        // A change that arrives with an old version number, carrying the whole text.
        await server.change(uri, Math.max(1, document.version - 5), [{ text: document.getText() }]);
        document = TextDocument.update(document, [], document.version + 1);
        await server.change(uri, document.version, [{ text: document.getText() }]);
      } else {
        const request = pick(requests);
        const params = request.params({ uri: next() < 0.05 ? 'file:///stress/unknown.cfg' : uri, line, character, endLine: line + 5 });
        if (roll < 0.6) {
          const source = new CancellationTokenSource();
          track(request.method, server.connection.sendRequest(request.method, params, source.token));
          source.cancel();
        } else {
          track(request.method, server.connection.sendRequest(request.method, params));
        }
      }
    }

    await Promise.all(pending);
    assert.deepEqual(failures, []);
    assert.ok(answered > OPERATIONS / 10, `only ${answered} requests got an answer`);
    const published = await server.diagnosticsAtLeast(uri, document.version);
    assert.equal(published.version, document.version);
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols), 'still answers documentSymbol');
    assert.equal(server.child.exitCode, null, 'the process is still running');
    assert.doesNotMatch(server.stderr(), /unhandled|uncaught|FATAL ERROR/i, server.stderr().slice(0, 2000));
    // The server logs a handler that threw as "haproxy: <feature> failed: <stack>": each one is a bug.
    const crashes = server.logged().filter((message) => /unhandled rejection|uncaught| failed: /i.test(message));
    assert.deepEqual(crashes.map((message) => message.slice(0, 600)), []);
  });

  it('publishes diagnostics for pathological files and keeps answering', async () => {
    let state = 7;
    const binary = Buffer.from(Array.from({ length: 32 * 1024 }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24)).toString('latin1');
    const files: Record<string, string> = {
      'long-line': `backend b\n    description ${'a'.repeat(1024 * 1024)}\n`,
      binary,
      'nested-braces': `frontend f\n    http-request deny if ${'{ '.repeat(20_000)}path /a${' }'.repeat(20_000)}\n`,
      'many-acls': `frontend f\n    use_backend b if ${Array.from({ length: 10_000 }, (_, i) => `a${i}`).join(' || ')}\n`,
      'open-quote': 'backend b\n    description "never closed',
      'lone-cr': 'global\r    daemon\rdefaults\r',
    };
    for (const [name, text] of Object.entries(files)) {
      const fileUri = `file:///stress/${name}.cfg`;
      const published = server.diagnosticsAtLeast(fileUri, 1);
      await server.open(fileUri, text, 1);
      const { diagnostics } = await published;
      if (name !== 'long-line') assert.ok(diagnostics.length > 0, `${name}: at least one diagnostic`);
      const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fileUri } });
      assert.ok(Array.isArray(symbols), `${name}: still answers`);
    }
    assert.equal(server.child.exitCode, null);
    assert.deepEqual(server.logged().filter((message) => /unhandled rejection|uncaught| failed: /i.test(message)).map((m) => m.slice(0, 600)), []);
  });
});
