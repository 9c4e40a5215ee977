import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openConfig, pendingUnless, senexText, serverHas } from './helpers';

type Target = vscode.Location | vscode.LocationLink;

const targetRange = (target: Target): vscode.Range => ('targetUri' in target ? target.targetSelectionRange ?? target.targetRange : target.range);
const targetUri = (target: Target): vscode.Uri => ('targetUri' in target ? target.targetUri : target.uri);

async function definitionAt(document: vscode.TextDocument, needle: string, inner: string): Promise<Target[]> {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `document lacks ${needle}`);
  const position = document.positionAt(at + needle.indexOf(inner) + 1);
  return vscode.commands.executeCommand<Target[]>('vscode.executeDefinitionProvider', document.uri, position);
}

describe('navigation', () => {
  after(closeAllEditors);

  it('goes to the definition of a backend from use_backend', async function () {
    pendingUnless(this, await serverHas('definitionProvider'), 'the language server has no go to definition yet');
    const { document } = await openConfig('definition', senexText());
    const targets = await definitionAt(document, 'use_backend be_api if is_api', 'be_api');
    assert.equal(targets.length, 1, `one definition expected, got ${targets.length}`);
    const [target] = targets;
    assert.equal(targetUri(target).toString(), document.uri.toString());
    const range = targetRange(target);
    assert.equal(document.lineAt(range.start.line).text, 'backend be_api');
    assert.equal(document.getText(range).includes('be_api'), true, `target covers "${document.getText(range)}"`);
  });

  it('goes to the definition of an ACL from a condition', async function () {
    pendingUnless(this, await serverHas('definitionProvider'), 'the language server has no go to definition yet');
    const { document } = await openConfig('definition-acl', senexText());
    const targets = await definitionAt(document, 'use_backend be_static if is_static', 'is_static');
    assert.ok(targets.length >= 1, 'no definition for is_static');
    assert.match(document.lineAt(targetRange(targets[0]).start.line).text, /^\s*acl is_static path_beg/);
  });

  it('renames a backend at its definition and every reference', async function () {
    pendingUnless(this, await serverHas('renameProvider'), 'the language server has no rename yet');
    const { document } = await openConfig('rename', senexText());
    const before = document.getText();
    const references = [...before.matchAll(/\bbe_websocket\b/g)].length;
    assert.ok(references >= 2, 'the example should name be_websocket at least twice');

    const position = document.positionAt(before.indexOf('backend be_websocket') + 'backend be_'.length);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'be_trading_ws');
    assert.ok(edit, 'rename returned no edit');
    assert.equal(edit.get(document.uri).length, references, 'one edit per occurrence of the name');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const after = document.getText();
    assert.doesNotMatch(after, /\bbe_websocket\b/);
    assert.match(after, /^backend be_trading_ws$/m);
    assert.match(after, /use_backend be_trading_ws if is_ws_path \|\| is_websocket/);
    assert.equal(after.replace(/be_trading_ws/g, 'be_websocket'), before, 'rename must change nothing but the name');
  });

  it('refuses to rename a backend to a name HAProxy cannot read', async function () {
    pendingUnless(this, await serverHas('renameProvider'), 'the language server has no rename yet');
    const { document } = await openConfig('rename-invalid', senexText());
    const position = document.positionAt(document.getText().indexOf('backend be_static') + 'backend be_'.length);
    const outcome = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
      'vscode.executeDocumentRenameProvider', document.uri, position, 'two words'))
      .then((edit) => (edit && edit.size > 0 ? 'edited' : 'refused'), () => 'refused');
    assert.equal(outcome, 'refused', 'a name with a space must be rejected');
  });
});
