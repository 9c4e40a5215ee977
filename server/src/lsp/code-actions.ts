import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { ConfigDocument } from '../analysis/config-document';
import type { Finding, Fix } from '../analysis/finding';
import { toLspRange } from './convert';

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The finding a diagnostic was made from: same rule code and same range. */
function findingFor(findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  return findings.find((f) => f.rule === diagnostic.code && sameRange(toLspRange(f.range), diagnostic.range));
}

function toAction(uri: string, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const edits: LspTextEdit[] = fix.edits.map((edit) => ({ range: toLspRange(edit.range), newText: edit.newText }));
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred ?? false, edit: { changes: { [uri]: edits } } };
}

/** A quick fix that silences one rule on the diagnostic's line with a suppression comment above it. */
function suppressAction(document: ConfigDocument, diagnostic: Diagnostic): CodeAction {
  const line = diagnostic.range.start.line;
  const text = document.text.split(/\r\n|\r|\n/)[line] ?? '';
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Disable ${String(diagnostic.code)} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# haproxy-lint-disable-next-line ${String(diagnostic.code)}${eol}` }] } },
  };
}

/**
 * Quick fixes for the diagnostics of a code-action request: each fix of the matching finding, then a way to
 * silence the rule on that line. Diagnostics from other sources are ignored.
 */
export function codeActions(document: ConfigDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'haproxy-lint' || typeof diagnostic.code !== 'string') continue;
    const finding = findingFor(document.findings, diagnostic);
    for (const fix of finding?.fixes ?? []) actions.push(toAction(document.uri, fix, diagnostic));
    if (finding) actions.push(suppressAction(document, diagnostic));
  }
  return actions;
}
