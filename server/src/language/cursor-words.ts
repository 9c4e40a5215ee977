import type { Word } from '../syntax/ast';
import type { LineWords } from './line-words';

/** A line cut at the cursor: the word being written and the complete words before it. */
export interface CursorWords {
  /** Index of the word being written, which is also the number of words before it. */
  index: number;
  /** The word under the cursor, when the cursor is inside or at the end of one. */
  current?: Word;
  /** Its raw text up to the cursor; empty on a blank. */
  partial: string;
  /** Values of the words before it. */
  before: string[];
}

/** Cuts a line at `column`. */
export function cutAtCursor(line: LineWords, column: number): CursorWords {
  const words = line.words;
  let index = words.findIndex((w) => w.range.start.column < column && column <= w.range.end.column);
  const current = index >= 0 ? words[index] : undefined;
  if (index < 0) index = words.filter((w) => w.range.end.column < column).length;
  const result: CursorWords = {
    index,
    partial: current ? current.raw.slice(0, column - current.range.start.column) : '',
    before: words.slice(0, index).map((w) => w.value),
  };
  if (current) result.current = current;
  return result;
}
