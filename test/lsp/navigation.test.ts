import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest,
  DidSaveTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type Location,
} from 'vscode-languageserver-protocol/node';
import { HaproxyCheckedNotification, WorkspaceTrustNotification, type HaproxyCheckedParams } from '../../server/src/protocol';
import { startServerProcess, type ServerSession } from '../support/lsp-client';

const frontends = `frontend web
  bind :80
  acl is_api path_beg /api
  use_backend app if is_api
  default_backend app
  acl blocked src -f /etc/haproxy/blocked.lst
`;
const backends = `backend app
    server s1 127.0.0.1:8080
`;

describe('navigation over a real language server connection (multi-file config)', function () {
  this.timeout(30_000);
  let session: ServerSession;
  let dir: string;
  let feUri: string;
  let beUri: string;
  const checks: HaproxyCheckedParams[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'haproxy-lsp-nav-'));
    writeFileSync(join(dir, '10-frontends.cfg'), frontends);
    writeFileSync(join(dir, '20-backends.cfg'), backends);
    feUri = pathToFileURL(join(dir, '10-frontends.cfg')).href;
    beUri = pathToFileURL(join(dir, '20-backends.cfg')).href;
    session = await startServerProcess({ configFiles: [`${dir}/*.cfg`], format: { indent: 4 }, workspaceTrusted: false });
    session.connection.onNotification(HaproxyCheckedNotification.method, (params: HaproxyCheckedParams) => void checks.push(params));
    await session.open(feUri, frontends, 1);
  });
  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes to a backend defined in another file of haproxy.configFiles (read from disk)', async () => {
    const found = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: feUri }, position: { line: 3, character: 15 } })) as Location[];
    assert.deepEqual(found.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [[beUri, 0, 8]]);
  });

  it('finds references and highlights', async () => {
    const refs = await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: feUri }, position: { line: 2, character: 8 }, context: { includeDeclaration: true } });
    assert.deepEqual(refs?.map((l) => l.range.start.line), [2, 3]);
    const highlights = await session.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: feUri }, position: { line: 4, character: 20 } });
    assert.deepEqual(highlights?.map((h) => [h.range.start.line, h.kind]), [[3, 2], [4, 2]]);
  });

  it('renames across files and explains a refused rename', async () => {
    const edit = await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri: feUri }, position: { line: 4, character: 20 }, newName: 'api' });
    assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [feUri, beUri].sort());
    assert.equal(edit!.changes![feUri].length, 2);
    await assert.rejects(
      session.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: feUri }, position: { line: 1, character: 3 } }),
      /No symbol to rename/,
    );
    await assert.rejects(
      session.connection.sendRequest(RenameRequest.type, { textDocument: { uri: feUri }, position: { line: 2, character: 8 }, newName: 'bad name' }),
      /not a valid ACL name/,
    );
  });

  it('links the ACL file and lists workspace symbols of all config files', async () => {
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: feUri } });
    assert.deepEqual(links?.map((l) => l.target), ['file:///etc/haproxy/blocked.lst']);
    const symbols = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as { name: string; location: Location }[];
    assert.deepEqual(symbols.map((s) => `${s.name}@${s.location.uri === beUri ? 'be' : 'fe'}`).sort(), ['app@be', 'web@fe']);
  });

  it('formats the document with the configured indent', async () => {
    const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: feUri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits?.length, 5);
    assert.ok(edits!.every((e) => e.newText.startsWith('    ')));
  });

  it('does not run haproxy -c on save until the workspace is trusted', async function () {
    const haproxy = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find(existsSync);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: feUri } });
    await waitFor(() => checks.length >= 1);
    assert.equal(checks[0].status, 'untrusted');
    if (!haproxy) {
      console.log('      haproxy not installed: the trusted half of this test is skipped');
      return;
    }
    await session.connection.sendNotification(WorkspaceTrustNotification.method, { trusted: true });
    const diagnostics = session.diagnosticsFor(feUri, (p) => p.diagnostics.some((d) => d.source === 'haproxy'));
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: feUri } });
    const published = await diagnostics;
    const fromHaproxy = published.diagnostics.filter((d) => d.source === 'haproxy');
    assert.ok(fromHaproxy.some((d) => d.range.start.line === 5 && /blocked\.lst/.test(String(d.message))), JSON.stringify(fromHaproxy));
    await waitFor(() => checks.some((c) => c.status === 'checked' && c.uri === feUri));
    const checked = checks.find((c) => c.status === 'checked' && c.uri === feUri)!;
    assert.match(checked.version ?? '', /^\d+\.\d+/);
    assert.equal(checked.files, 2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
