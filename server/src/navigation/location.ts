import type { Range } from '../syntax/ast';

/** A range in a given file. */
export interface Location {
  uri: string;
  range: Range;
}

export type { TextEdit } from '../analysis/finding';
