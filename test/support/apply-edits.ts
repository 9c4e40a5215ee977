import type { Finding, Fix, TextEdit } from '../../server/src/analysis/finding';

/** Applies non-overlapping text edits (by offset) to a text, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].range.end.offset > sorted[i - 1].range.start.offset) throw new Error('overlapping edits');
  }
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.range.start.offset) + edit.newText + result.slice(edit.range.end.offset);
  return result;
}

/** Applies one fix of a finding. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The fix of a finding with the given title prefix (or the preferred one), failing loudly when absent. */
export function fixOf(finding: Finding | undefined, titleStart?: string): Fix {
  const fixes = finding?.fixes ?? [];
  const fix = titleStart ? fixes.find((f) => f.title.startsWith(titleStart)) : (fixes.find((f) => f.preferred) ?? fixes[0]);
  if (!fix) throw new Error(`no fix${titleStart ? ` '${titleStart}'` : ''} on finding ${finding ? `${finding.rule}: ${finding.message}` : '(none)'}`);
  return fix;
}
