import type { ConfigFile } from '../syntax/ast';
import type { Finding } from './finding';

/** A rule silenced over a span of lines (inclusive); `rules` undefined silences every rule. */
interface Silence {
  rules?: Set<string>;
  fromLine: number;
  toLine: number;
}

const MARKER = /^#+\s*haproxy-lint-disable(-next-line)?(?:\s+(.*))?$/;

function ruleList(text: string | undefined): Set<string> | undefined {
  const names = (text ?? '').split('--')[0].split(/[\s,]+/).filter(Boolean);
  return names.length ? new Set(names) : undefined;
}

/**
 * Reads the suppression comments of a file:
 * `# haproxy-lint-disable-next-line RULE[,RULE]` silences the next line that is not blank or a comment;
 * `# haproxy-lint-disable RULE[,RULE]` silences the section it is written in, or the whole file when it
 * comes before the first section. Without rule names, every rule is silenced.
 */
export function readSuppressions(file: ConfigFile): Silence[] {
  const silences: Silence[] = [];
  const lines = file.text.split(/\r\n|\r|\n/);
  const headers = file.sections.map((s) => s.headerRange.start.line);
  for (const comment of file.comments) {
    const match = MARKER.exec(comment.text.trim());
    if (!match) continue;
    const rules = ruleList(match[2]);
    const line = comment.range.start.line;
    if (match[1]) {
      let target = line + 1;
      while (target < lines.length && (lines[target].trim() === '' || lines[target].trim().startsWith('#'))) target++;
      silences.push({ rules, fromLine: target, toLine: target });
    } else {
      const index = headers.findIndex((start, i) => start <= line && (headers[i + 1] === undefined || headers[i + 1] > line));
      if (index < 0) silences.push({ rules, fromLine: 0, toLine: Number.POSITIVE_INFINITY });
      else silences.push({ rules, fromLine: headers[index], toLine: (headers[index + 1] ?? Number.POSITIVE_INFINITY) - 1 });
    }
  }
  return silences;
}

/** Removes the findings that a suppression comment of the file silences. */
export function applySuppressions(file: ConfigFile, findings: Finding[]): Finding[] {
  const silences = readSuppressions(file);
  if (silences.length === 0) return findings;
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    return !silences.some((s) => line >= s.fromLine && line <= s.toLine && (!s.rules || s.rules.has(finding.rule)));
  });
}
