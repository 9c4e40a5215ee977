import { strict as assert } from 'node:assert';
import type { Finding, Fix } from '../../../server/src/analysis/finding';
import { lintText, type LintOptions } from '../../../server/src/analysis/lint';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { applyFix, fixOf } from '../../support/apply-edits';

/** The rules of the topology and correctness issue, in registry order. */
export const TOPOLOGY_RULES: readonly string[] = [
  'unknown-reference',
  'duplicate-name',
  'missing-timeouts',
  'misplaced-rule',
  'unreachable-rule',
  'tls-min-version',
  'weak-ciphers',
  'https-redirect',
  'hsts',
  'websocket-sticky',
  'websocket-timeout',
  'health-check',
  'rate-limit',
  'stats-auth',
];

/** Joins lines into a config text with a final newline (HAProxy requires one). */
export const cfg = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** Findings of one rule. */
export function findingsOf(rule: string, text: string, options: LintOptions = {}): Finding[] {
  return lintText(text, options).filter((f) => f.rule === rule);
}

/** 1-based line numbers of a rule's findings, as an editor shows them. */
export function linesOf(rule: string, text: string, options: LintOptions = {}): number[] {
  return findingsOf(rule, text, options).map((f) => f.range.start.line + 1);
}

/** The 1-based line number of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `'${needle}' is not in the config`);
  return index + 1;
}

/**
 * Applies a fix of the rule's finding at `line`, then checks the result still parses and the finding is gone
 * from that rule. Returns the fixed text.
 */
export function applyAndRecheck(rule: string, text: string, line: number, titleStart?: string): string {
  const finding = findingsOf(rule, text).find((f) => f.range.start.line + 1 === line);
  assert.ok(finding, `no ${rule} finding at line ${line}`);
  const fix: Fix = fixOf(finding, titleStart);
  const fixed = applyFix(text, fix);
  assert.notEqual(fixed, text, 'the fix changed nothing');
  assert.deepEqual(parseConfig(fixed).syntaxErrors, [], `the fixed config does not parse:\n${fixed}`);
  const before = findingsOf(rule, text).length;
  const after = findingsOf(rule, fixed);
  assert.ok(after.length < before, `'${fix.title}' left the ${rule} finding(s):\n${after.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('\n')}\n--- fixed config ---\n${fixed}`);
  const errors = (t: string) => lintText(t).filter((f) => f.severity === 'error').length;
  assert.ok(errors(fixed) <= errors(text), `'${fix.title}' introduced an error:\n${fixed}`);
  return fixed;
}
