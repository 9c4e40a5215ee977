import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, openConfig, pendingUnless, waitFor } from './helpers';

interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
}

function contributedSnippets(): { snippets: Map<string, SnippetDefinition>; missing: string[] } {
  const contributes = (extension().packageJSON as { contributes?: { snippets?: { language: string; path: string }[] } }).contributes;
  const snippets = new Map<string, SnippetDefinition>();
  const missing: string[] = [];
  for (const entry of contributes?.snippets ?? []) {
    if (entry.language !== 'haproxy') continue;
    const file = path.join(extension().extensionPath, entry.path);
    if (!fs.existsSync(file)) {
      missing.push(entry.path);
      continue;
    }
    for (const [name, snippet] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetDefinition>)) snippets.set(name, snippet);
  }
  return { snippets, missing };
}

/** The text a snippet body becomes when every tab stop keeps its default (first choice, placeholder text, or nothing). */
function expandWithDefaults(body: string): string {
  let text = body;
  for (;;) {
    const next = text
      .replace(/\$\{\d+\|([^|,}]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}/g, '')
      .replace(/\$\d+/g, '');
    if (next === text) return text.replace(/\\([$}\\])/g, '$1');
    text = next;
  }
}

const normalise = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');

describe('snippets', () => {
  after(closeAllEditors);

  it('inserts every contributed snippet by name with its defaults', async function () {
    const { snippets, missing } = contributedSnippets();
    pendingUnless(this, missing.length === 0, `snippet file ${missing.join(', ')} named in package.json does not exist yet`);
    pendingUnless(this, snippets.size > 0, 'no snippets contributed in package.json yet');
    const editor = await openConfig('snippets', '');
    const { document } = editor;
    for (const [name, snippet] of snippets) {
      const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      assert.ok(await editor.edit((edit) => edit.delete(all)));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'haproxy', name });
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      const expected = normalise(expandWithDefaults(body));
      await waitFor(`snippet "${name}" to be inserted`, () => normalise(document.getText()) === expected || undefined, 5000)
        .catch(() => assert.equal(normalise(document.getText()), expected, `snippet "${name}" inserted something else`));
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
