import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, extension, openConfig, pendingUnless, scratchDir, senexText, waitFor } from './helpers';

interface Contributions {
  grammars?: { language?: string; scopeName: string; path: string }[];
  snippets?: { language: string; path: string }[];
}

const contributions = (): Contributions => (extension().packageJSON as { contributes?: Contributions }).contributes ?? {};

describe('activation and language registration', () => {
  after(closeAllEditors);

  it('activates on a haproxy.cfg and starts the language client', async () => {
    const editor = await openConfig('activation', senexText());
    assert.equal(editor.document.languageId, 'haproxy');
    await waitFor('the extension to activate on the haproxy document', () => extension().isActive);
    const api = await activeApi();
    assert.ok(api.client, 'the exported API has no language client');
    await waitFor('the language client to finish initializing', () => api.client.initializeResult);
    assert.ok(api.client.isRunning(), 'the language client is not running');
    assert.equal(api.client.initializeResult?.serverInfo?.name, 'haproxy-language-server');
  });

  it('claims the file names users give HAProxy configs, and no others', async () => {
    const dir = path.join(scratchDir(), 'names');
    fs.mkdirSync(path.join(dir, 'haproxy'), { recursive: true });
    const expected: [string, boolean][] = [
      ['haproxy.cfg', true],
      ['edge.haproxy.cfg', true],
      ['haproxy-staging.cfg', true],
      [path.join('haproxy', 'site.cfg'), true],
      ['settings.cfg', false],
    ];
    for (const [name, ours] of expected) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'maxconn 100\n');
      const opened = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.equal(opened.languageId === 'haproxy', ours, `${name} opened as ${opened.languageId}`);
    }
  });

  it('opens a .cfg with another name as haproxy when its first keyword opens a section', async () => {
    const dir = path.join(scratchDir(), 'content');
    fs.mkdirSync(dir, { recursive: true });
    const config = path.join(dir, 'lb.cfg');
    const other = path.join(dir, 'tool.cfg');
    fs.writeFileSync(config, '# edge load balancer\n\nglobal\n    maxconn 100\n');
    fs.writeFileSync(other, '[tool]\nname = x\n');
    const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(config)));
    await waitFor('lb.cfg to switch to the haproxy language', () => opened.document.languageId === 'haproxy' || vscode.window.activeTextEditor?.document.languageId === 'haproxy');
    const plain = await vscode.workspace.openTextDocument(vscode.Uri.file(other));
    assert.notEqual(plain.languageId, 'haproxy');
  });

  it('contributes a TextMate grammar for the haproxy language', function () {
    const grammar = contributions().grammars?.find((g) => g.language === 'haproxy');
    pendingUnless(this, grammar !== undefined, 'no grammar contributed in package.json yet');
    assert.ok(grammar);
    assert.equal(grammar.scopeName, 'source.haproxy');
    const file = path.join(extension().extensionPath, grammar.path);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName?: string; patterns?: unknown[] };
    assert.equal(parsed.scopeName, grammar.scopeName);
    assert.ok(Array.isArray(parsed.patterns) && parsed.patterns.length > 0, 'the grammar has no patterns');
  });
});
