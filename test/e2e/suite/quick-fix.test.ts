import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getRule } from '../../../server/src/analysis/registry';
import { closeAllEditors, openConfig, pendingUnless, ruleOf, senexText, serverHas, waitForDiagnostics } from './helpers';
import { PLANTED_DEFECTS, plantDefect, type PlantedDefect } from './senex-defects';

interface FixCase {
  rule: string;
  /** Matches the title of the quick fix to apply. */
  title: RegExp;
  /** What the document must contain once the fix is applied. */
  result: RegExp;
}

const FIX_CASES: readonly FixCase[] = [
  { rule: 'tls-min-version', title: /ssl-min-ver|TLS ?v?1\.2/i, result: /alpn h2,http\/1\.1 ssl-min-ver TLSv1\.2/ },
  { rule: 'websocket-timeout', title: /timeout tunnel/i, result: /^\s*timeout tunnel \S+/m },
  { rule: 'health-check', title: /check/i, result: /server web03 10\.0\.1\.13:8000\b.*\bcheck\b/ },
];

const defectFor = (rule: string): PlantedDefect => {
  const defect = PLANTED_DEFECTS.find((d) => d.rule === rule);
  if (!defect) throw new Error(`no planted defect for ${rule}`);
  return defect;
};

describe('quick fixes', () => {
  after(closeAllEditors);

  for (const fix of FIX_CASES) {
    it(`fixes ${fix.rule} through the code action provider and the diagnostic disappears`, async function () {
      pendingUnless(this, getRule(fix.rule) !== undefined, `rule ${fix.rule} is not implemented yet`);
      pendingUnless(this, await serverHas('codeActionProvider'), 'the language server has no code actions yet');
      const editor = await openConfig(`fix-${fix.rule}`, plantDefect(senexText(), defectFor(fix.rule)));
      const { document } = editor;
      const [diagnostic] = (await waitForDiagnostics(document.uri, `a ${fix.rule} finding`, (all) => all.some((d) => ruleOf(d) === fix.rule)))
        .filter((d) => ruleOf(d) === fix.rule);

      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const quickFixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
      const chosen = quickFixes.find((a) => fix.title.test(a.title));
      assert.ok(chosen, `no quick fix matching ${fix.title} among: ${quickFixes.map((a) => a.title).join(' | ') || '(none)'}`);
      assert.ok(chosen.kind && vscode.CodeActionKind.QuickFix.contains(chosen.kind), `"${chosen.title}" should be a quickfix, is ${chosen.kind?.value}`);
      assert.ok(chosen.edit, `"${chosen.title}" carries no edit`);
      assert.ok(await vscode.workspace.applyEdit(chosen.edit), 'the edit was refused');

      assert.match(document.getText(), fix.result);
      await waitForDiagnostics(document.uri, `the ${fix.rule} finding to disappear after "${chosen.title}"`,
        (all) => !all.some((d) => ruleOf(d) === fix.rule));
      const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${ruleOf(d)}: ${d.message}`), [], 'the fixed config must still parse cleanly');
    });
  }
});
