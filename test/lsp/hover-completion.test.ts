import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest,
  CompletionResolveRequest,
  HoverRequest,
  SignatureHelpRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../support/corpus';
import { cursorAtText } from '../support/cursor';
import { startServerProcess, type ServerSession } from '../support/lsp-client';

const senex = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');

/** The Senex example with `insert` added as a new line after the line that reads exactly `after`. */
function withLine(after: string, insert: string): string {
  const at = senex.indexOf(`\n${after}\n`);
  assert.ok(at >= 0, `the Senex example has a line ${JSON.stringify(after)}`);
  const end = at + after.length + 2;
  return `${senex.slice(0, end)}${insert}\n${senex.slice(end)}`;
}

describe('hover and completion over a real language server connection (Senex example)', function () {
  this.timeout(30_000);
  let session: ServerSession;
  let opened = 0;

  /** Opens `text` as a new document and returns its uri. */
  async function open(text: string): Promise<string> {
    const uri = `file:///tmp/senex-${++opened}/haproxy.cfg`;
    const published = session.diagnosticsFor(uri);
    await session.open(uri, text);
    await published;
    return uri;
  }

  async function completionAt(text: string, needle: string, shift: number): Promise<CompletionItem[]> {
    const uri = await open(text);
    const { line, column } = cursorAtText(text, needle, shift);
    const result = (await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: column } })) as CompletionList;
    return result.items;
  }

  before(async () => {
    session = await startServerProcess();
  });
  after(async () => {
    await session?.close();
  });

  it('hovers a keyword and a backend reference', async () => {
    const uri = await open(senex);
    const balance = cursorAtText(senex, '    balance leastconn', 6);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: balance.line, character: balance.column } });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    assert.match(markdown, /\*\*balance\*\* — proxy keyword/);
    assert.match(markdown, /https:\/\/docs\.haproxy\.org\/3\.4\/configuration\.html#4\.2-balance/);
    assert.deepEqual(hover?.range, { start: { line: balance.line, character: 4 }, end: { line: balance.line, character: 11 } });

    const reference = cursorAtText(senex, 'use_backend be_api', 'use_backend be_'.length);
    const backend = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: reference.line, character: reference.column } });
    const summary = (backend?.contents as MarkupContent).value;
    assert.match(summary, /\*\*backend\*\* `be_api` · line \d+/);
    assert.match(summary, /\*Balance:\* leastconn/);
    assert.match(summary, /`web01` 10\.0\.1\.11:8000/);
  });

  it('completes the keywords of a backend, as plain text for a client without snippets, documented on resolve', async () => {
    const text = withLine('backend be_static', '    ');
    const items = await completionAt(text, '\nbackend be_static\n    \n', '\nbackend be_static\n    '.length);
    const labels = items.map((i) => i.label);
    for (const label of ['server', 'balance', 'option', 'http-request', 'timeout server']) assert.ok(labels.includes(label), `${label} offered`);
    assert.ok(!labels.includes('bind'), 'bind is not a backend keyword');
    const timeout = items.find((i) => i.label === 'timeout server')!;
    assert.equal(timeout.insertTextFormat, 1, 'plain text: the test client announces no snippet support');
    assert.deepEqual(timeout.textEdit && 'newText' in timeout.textEdit ? timeout.textEdit.newText : undefined, 'timeout server 30s');
    assert.equal(timeout.documentation, undefined, 'documentation comes with completionItem/resolve');
    const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, timeout);
    assert.match((resolved.documentation as MarkupContent).value, /docs\.haproxy\.org\/3\.4\/configuration\.html#4\.2-timeout%20server/);
  });

  it('completes balance algorithms, backends after use_backend and ACLs in a condition', async () => {
    const balance = await completionAt(withLine('backend be_static', '    balance '), '    balance \n', '    balance '.length);
    assert.ok(['roundrobin', 'leastconn', 'source', 'uri'].every((l) => balance.some((i) => i.label === l)));
    const backends = await completionAt(withLine('    use_backend be_api if is_api', '    use_backend '), '    use_backend \n', '    use_backend '.length);
    assert.deepEqual(
      backends.map((i) => i.label).filter((l) => l.startsWith('be_')).sort(),
      ['be_acme', 'be_api', 'be_app', 'be_redis_master', 'be_static', 'be_websocket'],
    );
    assert.ok(!backends.some((i) => i.label === 'fe_https'));
    const acls = await completionAt(withLine('    use_backend be_api if is_api', '    use_backend be_static if '), 'be_static if \n', 'be_static if '.length);
    assert.ok(['is_static', 'is_api', 'is_websocket', 'is_ws_path'].every((l) => acls.some((i) => i.label === l)));
  });

  it('answers signature help with the active parameter', async () => {
    const text = withLine('backend be_static', '    hash-type consistent ');
    const uri = await open(text);
    const { line, column } = cursorAtText(text, 'hash-type consistent ', 'hash-type consistent '.length);
    const help = await session.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: { line, character: column } });
    assert.ok(help);
    const signature = help.signatures[help.activeSignature ?? 0];
    assert.equal(signature.label, 'hash-type <method> <function> <modifier>');
    assert.equal(signature.parameters?.[help.activeParameter ?? -1]?.label, '<function>', 'a string label: the test client announces no label offsets');
  });
});
