import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, openConfig, pendingUnless, senexText, serverCaughtUp, serverHas } from './helpers';

/** Inserts `insert` (which holds a `|` cursor marker) after the first line containing `afterLine`; returns the text and the cursor offset. */
function withCursor(text: string, afterLine: string, insert: string): { text: string; cursor: number } {
  const found = text.indexOf(afterLine);
  if (found < 0) throw new Error(`the Senex example no longer contains ${JSON.stringify(afterLine)}`);
  const lineStart = afterLine.startsWith('\n') ? found + 1 : found;
  const lineEnd = text.indexOf('\n', lineStart) + 1;
  const marker = insert.indexOf('|');
  const line = insert.replace('|', '');
  return { text: text.slice(0, lineEnd) + line + '\n' + text.slice(lineEnd), cursor: lineEnd + marker };
}

async function completionsAt(name: string, afterLine: string, insert: string): Promise<string[]> {
  const { text, cursor } = withCursor(senexText(), afterLine, insert);
  const editor = await openConfig(name, text);
  const position = editor.document.positionAt(cursor);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function assertIncludesAll(labels: string[], expected: string[], where: string): void {
  const missing = expected.filter((label) => !labels.includes(label));
  assert.deepEqual(missing, [], `${where}: missing ${missing.join(', ')} among ${labels.length} items (${labels.slice(0, 30).join(', ')}...)`);
}

describe('language features in the editor', () => {
  after(closeAllEditors);

  describe('document symbols', () => {
    it('outlines every section of the Senex example with its servers, binds and ACLs', async () => {
      const api = await activeApi();
      const text = senexText();
      const editor = await openConfig('symbols', text);
      await serverCaughtUp(api, editor.document);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);

      const headers = [...text.matchAll(/^(global|defaults|frontend|backend|listen)\b[ \t]*(\S*)/gm)].map((m) => ({ kind: m[1], name: m[2] || m[1] }));
      assert.deepEqual(symbols.map((s) => s.name), headers.map((h) => h.name));

      const byName = new Map(symbols.map((s) => [s.name, s]));
      assert.equal(byName.get('fe_https')?.kind, vscode.SymbolKind.Interface);
      assert.equal(byName.get('be_app')?.kind, vscode.SymbolKind.Class);

      const beApp = byName.get('be_app');
      assert.ok(beApp);
      const servers = beApp.children.filter((c) => c.kind === vscode.SymbolKind.Object).map((c) => c.name);
      assert.deepEqual(servers, ['web01', 'web02', 'web03', 'maintenance']);
      assert.equal(editor.document.getText(beApp.selectionRange), 'be_app');
      assert.equal(editor.document.lineAt(beApp.range.start.line).text, 'backend be_app');

      const feHttps = byName.get('fe_https');
      assert.ok(feHttps);
      assertIncludesAll(feHttps.children.map((c) => c.name), ['is_websocket', 'is_ws_path', 'is_static', 'is_api'], 'fe_https children');
    });
  });

  describe('hover', () => {
    it('explains a keyword under the cursor', async function () {
      pendingUnless(this, await serverHas('hoverProvider'), 'the language server has no hover yet');
      const editor = await openConfig('hover', senexText());
      const { document } = editor;
      const at = document.positionAt(document.getText().indexOf('    balance leastconn') + 6);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      const text = hoverText(hovers);
      assert.match(text, /balance/, `hover on "balance" says: ${text}`);
      assert.ok(text.length > 'balance'.length + 20, `hover on "balance" is too thin: ${text}`);
      const range = hovers.find((h) => h.range)?.range;
      if (range) assert.equal(document.getText(range), 'balance');
    });

    it('says where a backend is defined when hovering its name', async function () {
      pendingUnless(this, await serverHas('hoverProvider'), 'the language server has no hover yet');
      const editor = await openConfig('hover-backend', senexText());
      const { document } = editor;
      const at = document.positionAt(document.getText().indexOf('use_backend be_api') + 'use_backend be_'.length);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
      assert.match(text, /be_api/, `hover on be_api says: ${text}`);
      assert.match(text, /leastconn|web01|server/, `hover on be_api should summarise the backend: ${text}`);
    });
  });

  describe('completion', () => {
    beforeEach(async function () {
      pendingUnless(this, await serverHas('completionProvider'), 'the language server has no completion yet');
    });

    it('offers the keywords of a backend at the start of a backend line', async () => {
      const labels = await completionsAt('complete-backend-keyword', '\nbackend be_static', '    |');
      assertIncludesAll(labels, ['server', 'balance', 'option', 'http-request'], 'backend line start');
      assert.ok(!labels.includes('bind'), '"bind" is not allowed in a backend and must not be offered');
    });

    it('offers section keywords at column 0', async () => {
      const labels = await completionsAt('complete-section', '    server static02 10.0.1.32:8080 check', '|');
      assertIncludesAll(labels, ['frontend', 'backend', 'listen', 'defaults', 'global'], 'top level');
    });

    it('offers the backends of the config after use_backend', async () => {
      const labels = await completionsAt('complete-use-backend', '    use_backend be_api if is_api', '    use_backend |');
      assertIncludesAll(labels, ['be_app', 'be_api', 'be_websocket', 'be_static', 'be_acme'], 'after use_backend');
      assert.ok(!labels.includes('fe_https'), 'a frontend is not a valid use_backend target');
    });

    it('offers the balance algorithms after balance', async () => {
      const labels = await completionsAt('complete-balance', '\nbackend be_static', '    balance |');
      assertIncludesAll(labels, ['roundrobin', 'leastconn', 'source', 'uri'], 'after balance');
    });

    it('offers the ACLs of the proxy in a condition', async () => {
      const labels = await completionsAt('complete-acl', '    use_backend be_api if is_api', '    use_backend be_static if |');
      assertIncludesAll(labels, ['is_static', 'is_api', 'is_websocket'], 'after if');
    });
  });
});
