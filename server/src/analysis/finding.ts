import type { Range } from '../syntax/ast';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text replacement, in the coordinates of the analysed file. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical fix for a finding (a quick fix in the editor). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix most users want; editors may apply it with one key. */
  preferred?: boolean;
}

/** One problem found in a config, reported under a stable rule name. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}
