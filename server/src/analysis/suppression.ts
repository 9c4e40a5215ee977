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
  const markers = file.comments.filter((comment) => comment.text.includes('haproxy-lint-disable'));
  if (markers.length === 0) return silences;
  const headers = file.sections.map((s) => s.headerRange.start.line);
  for (const comment of markers) {
    const match = MARKER.exec(comment.text.trim());
    if (!match) continue;
    const rules = ruleList(match[2]);
    const line = comment.range.start.line;
    if (match[1]) {
      const target = nextCodeLine(file.text, comment.range.end.offset, line);
      silences.push({ rules, fromLine: target, toLine: target });
    } else {
      const index = headers.findIndex((start, i) => start <= line && (headers[i + 1] === undefined || headers[i + 1] > line));
      if (index < 0) silences.push({ rules, fromLine: 0, toLine: Number.POSITIVE_INFINITY });
      else silences.push({ rules, fromLine: headers[index], toLine: (headers[index + 1] ?? Number.POSITIVE_INFINITY) - 1 });
    }
  }
  return silences;
}

/** The number of the first line after `line` (which ends at or after `from`) that is neither blank nor a comment. */
function nextCodeLine(text: string, from: number, line: number): number {
  let at = from;
  let current = line;
  for (;;) {
    while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    if (at >= text.length) return current + 1;
    at += text.startsWith('\r\n', at) ? 2 : 1;
    current++;
    let end = at;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const content = text.slice(at, end).trim();
    if (content !== '' && !content.startsWith('#')) return current;
  }
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
