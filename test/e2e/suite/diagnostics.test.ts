import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getRule } from '../../../server/src/analysis/registry';
import { activeApi, closeAllEditors, openConfig, ourDiagnostics, pendingUnless, ruleOf, senexText, serverCaughtUp, severityName, waitForDiagnostics } from './helpers';
import { PLANTED_DEFECTS, expectedLines, plantDefect } from './senex-defects';

const describeDiagnostic = (d: vscode.Diagnostic) => `${ruleOf(d)} ${severityName(d.severity)} at ${d.range.start.line}:${d.range.start.character} "${d.message}"`;

describe('diagnostics from the language server', () => {
  after(closeAllEditors);

  it('reports no errors or warnings on the Senex example', async () => {
    // A broken last line proves the diagnostics of this very text arrived; the example above it must stay clean.
    const text = `${senexText().trimEnd()}\n    tcp-check send "unclosed\n`;
    const sentinel = text.split('\n').length - 2;
    const editor = await openConfig('senex', text);
    const found = await waitForDiagnostics(editor.document.uri, 'a finding on the broken last line', (all) => all.some((d) => d.range.start.line === sentinel));
    const serious = found.filter((d) => d.range.start.line !== sentinel && d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(serious.map(describeDiagnostic), []);
  });

  for (const defect of PLANTED_DEFECTS) {
    it(`reports ${defect.rule}${defect.variant ? ` ${defect.variant}` : ''} (${defect.severity}) where it is planted`, async function () {
      pendingUnless(this, getRule(defect.rule) !== undefined, `rule ${defect.rule} is not implemented yet`);
      const text = plantDefect(senexText(), defect);
      const { first, last, only } = expectedLines(text, defect);
      const editor = await openConfig(`planted-${defect.rule}${defect.variant ? `-${defect.variant.replace(/\W+/g, '-')}` : ''}`, text);
      const { document } = editor;
      const found = await waitForDiagnostics(document.uri, `a ${defect.rule} finding`, (all) => all.some((d) => ruleOf(d) === defect.rule));

      const ours = found.filter((d) => ruleOf(d) === defect.rule);
      assert.equal(ours.length, 1, `one ${defect.rule} finding expected, got: ${ours.map(describeDiagnostic).join('; ')}`);
      const [diagnostic] = ours;
      assert.equal(severityName(diagnostic.severity), defect.severity, describeDiagnostic(diagnostic));
      const line = diagnostic.range.start.line;
      const where = only ? `one of lines ${only.join(', ')}` : `line ${first}${last === first ? '' : `-${last}`}`;
      assert.ok(only ? only.includes(line) : line >= first && line <= last, `${defect.rule} expected on ${where}, got ${describeDiagnostic(diagnostic)}`);
      assert.ok(!diagnostic.range.isEmpty, 'the range must cover some text');
      const covered = document.getText(diagnostic.range);
      if (defect.rangeText) assert.ok(covered.includes(defect.rangeText), `range covers "${covered}", expected it to include "${defect.rangeText}"`);
      assert.ok(diagnostic.message.trim().length > 0, 'the message must say something');
      assert.equal(diagnostic.source, 'haproxy-lint');

      const others = found.filter((d) => d !== diagnostic && d.severity <= vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(others.map(describeDiagnostic), [], 'the planted defect must be the only problem');
    });
  }

  it('follows edits: a broken line gets a diagnostic and loses it when repaired', async () => {
    const api = await activeApi();
    const editor = await openConfig('live-edit', senexText());
    const { document } = editor;
    await serverCaughtUp(api, document);
    assert.deepEqual(ourDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(describeDiagnostic), []);

    const line = document.lineAt(document.getText().split('\n').findIndex((l) => l.includes('Strict-Transport-Security')));
    const quote = line.text.lastIndexOf('"');
    const closing = new vscode.Range(line.lineNumber, quote, line.lineNumber, quote + 1);
    assert.ok(await editor.edit((edit) => edit.delete(closing)));
    const broken = await waitForDiagnostics(document.uri, 'a syntax error on the edited line',
      (all) => all.some((d) => ruleOf(d) === 'syntax' && d.range.start.line === line.lineNumber));
    assert.equal(broken.filter((d) => ruleOf(d) === 'syntax')[0].severity, vscode.DiagnosticSeverity.Error);

    assert.ok(await editor.edit((edit) => edit.insert(closing.start, '"')));
    await waitForDiagnostics(document.uri, 'the syntax error to go away', (all) => !all.some((d) => ruleOf(d) === 'syntax'));
  });

  it('links each diagnostic to its rule documentation', async () => {
    const editor = await openConfig('doc-link', plantDefect(senexText(), PLANTED_DEFECTS[0]));
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, 'a syntax finding', (all) => all.some((d) => ruleOf(d) === 'syntax'));
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code !== null && 'target' in code, `code should carry a documentation link, got ${JSON.stringify(code)}`);
    assert.match(code.target.toString(), /docs\/rules\/syntax\.md$/);
  });
});
