import { strict as assert } from 'node:assert';
import { CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import type { TextEdit } from '../../../server/src/analysis/finding';
import { codeActions } from '../../../server/src/lsp/code-actions';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { applyEdits } from '../../support/apply-edits';
import { cfg } from './helpers';

const URI = 'file:///etc/haproxy/haproxy.cfg';

const lines = (text: string) => text.split('\n');
const offsetAt = (text: string, line: number, character: number) => lines(text).slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;

/** Converts LSP edits back to offset edits, to apply them like an editor would. */
function toOffsetEdits(text: string, edits: { range: Diagnostic['range']; newText: string }[]): TextEdit[] {
  return edits.map((e) => {
    const start = offsetAt(text, e.range.start.line, e.range.start.character);
    const end = offsetAt(text, e.range.end.line, e.range.end.character);
    return { range: { start: { line: e.range.start.line, column: e.range.start.character, offset: start }, end: { line: e.range.end.line, column: e.range.end.character, offset: end } }, newText: e.newText };
  });
}

function request(diagnostics: Diagnostic[], only?: string[]): CodeActionParams {
  return { textDocument: { uri: URI }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only } };
}

describe('LSP code actions', () => {
  const text = cfg('backend be', '    mode tcp', '    timeout connect 5s', '    timeout server 5s', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80 check');
  const document = new ConfigDocument(URI, text, 1);
  const diagnostics = document.findings.map(toDiagnostic);

  it('turns the fixes of the matching finding into quick fixes attached to the diagnostic', () => {
    const actions = codeActions(document, request(diagnostics));
    assert.deepEqual(actions.map((a) => a.title), ["Enable health checks on this server ('check')", 'Disable health-check for this line']);
    const [fix] = actions;
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostics[0]]);
    const fixed = applyEdits(text, toOffsetEdits(text, fix.edit!.changes![URI]));
    assert.match(fixed, /server a 10\.0\.0\.1:80 check\n/);
    assert.deepEqual(new ConfigDocument(URI, fixed, 2).findings, []);
  });

  it('silences the rule with a comment above the line', () => {
    const suppress = codeActions(document, request(diagnostics))[1];
    const silenced = applyEdits(text, toOffsetEdits(text, suppress.edit!.changes![URI]));
    assert.match(silenced, /\n    # haproxy-lint-disable-next-line health-check\n    server a/);
    assert.deepEqual(parseConfig(silenced).syntaxErrors, []);
    assert.deepEqual(new ConfigDocument(URI, silenced, 2).findings, []);
  });

  it('ignores diagnostics of other sources, with another range, or when quick fixes are not asked for', () => {
    assert.deepEqual(codeActions(document, request([{ ...diagnostics[0], source: 'other' }])), []);
    assert.deepEqual(codeActions(document, request([{ ...diagnostics[0], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }])), []);
    assert.deepEqual(codeActions(document, request(diagnostics, [CodeActionKind.Refactor])), []);
    assert.equal(codeActions(document, request(diagnostics, [CodeActionKind.QuickFix])).length, 2);
  });
});
