import type { Finding } from '../analysis/finding';
import { RULES } from '../analysis/registry';
import { ruleDocsUrl } from '../analysis/rule-docs';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** The JSON shape of one finding: 1-based lines and columns, end exclusive. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
}

export function toJsonFindings(results: FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      line: f.range.start.line + 1,
      column: f.range.start.column + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.column + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  );
}

/** `file:line:col severity message [rule]`, one finding a line, as compilers and linters print. */
export function formatText(results: FileFindings[]): string {
  return toJsonFindings(results)
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.rule}]`)
    .join('\n');
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF 2.1.0 log with one run, for code-scanning services. */
export function formatSarif(results: FileFindings[], toolVersion: string): object {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.rule)));
  const rules = [...RULES.map((r) => ({ id: r.name, text: r.description })), ...[...used].filter((id) => !RULES.some((r) => r.name === id)).map((id) => ({ id, text: id }))];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'haproxy-lint',
            version: toolVersion,
            informationUri: 'https://github.com/senex/haproxy-config-tools',
            rules: rules.map((r) => ({ id: r.id, shortDescription: { text: r.text }, helpUri: ruleDocsUrl(r.id) })),
          },
        },
        results: toJsonFindings(results).map((f) => ({
          ruleId: f.rule,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.column) },
              },
            },
          ],
        })),
      },
    ],
  };
}
