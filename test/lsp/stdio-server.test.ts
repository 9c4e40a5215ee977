import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest, FoldingRangeRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../support/corpus';
import { startServerProcess, type ServerSession } from '../support/lsp-client';

describe('haproxy-language-server --stdio', function () {
  this.timeout(30_000);
  let session: ServerSession;
  const uri = 'file:///tmp/senex/haproxy.cfg';
  const text = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');

  before(async () => {
    session = await startServerProcess();
  });
  after(async () => {
    await session?.close();
  });

  it('publishes diagnostics on open: none for the Senex example', async () => {
    const published = session.diagnosticsFor(uri);
    await session.open(uri, text);
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1 || d.severity === 2), []);
  });

  it('publishes a syntax diagnostic after an edit breaks a line, with rule code and docs link', async () => {
    const published = session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'syntax'));
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'global\n  x "unterminated\n' }],
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 2);
    const syntax = diagnostics.find((d) => d.code === 'syntax')!;
    assert.equal(syntax.range.start.line, 1);
    assert.equal(syntax.severity, 1);
    assert.match(String(syntax.codeDescription?.href), /docs\/rules\/syntax\.md$/);
  });

  it('answers documentSymbol with the outline of sections, servers and ACLs', async () => {
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const app = symbols.find((s) => s.name === 'be_app');
    assert.ok(app, 'be_app in the outline');
    assert.ok(app.children?.some((c) => c.name === 'web01'));
    const https = symbols.find((s) => s.name === 'fe_https');
    assert.ok(https?.children?.some((c) => c.detail === 'acl'));
  });

  it('answers folding ranges for sections', async () => {
    const ranges = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok((ranges ?? []).length >= 10);
  });

  it('keeps running after a request for a document it does not know', async () => {
    const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nowhere.cfg' } });
    assert.deepEqual(symbols, []);
    assert.equal(session.process.exitCode, null);
  });
});
