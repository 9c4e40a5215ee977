import type { IToken } from 'chevrotain';
import type { Position, Range } from './ast';

/** Range of a token, converted from Chevrotain's 1-based inclusive positions to 0-based, end-exclusive. */
export function tokenRange(token: IToken): Range {
  const length = token.image.length;
  return {
    start: { line: (token.startLine ?? 1) - 1, column: (token.startColumn ?? 1) - 1, offset: token.startOffset },
    end: { line: (token.startLine ?? 1) - 1, column: (token.startColumn ?? 1) - 1 + length, offset: token.startOffset + length },
  };
}

/** A range covering `from` to `to`. */
export function spanRanges(from: Range, to: Range): Range {
  return { start: from.start, end: to.end };
}

/** A sub-range of a single-line range, by character offsets relative to its start. */
export function subRange(range: Range, from: number, to: number): Range {
  return { start: shift(range.start, from), end: shift(range.start, to) };
}

function shift(position: Position, by: number): Position {
  return { line: position.line, column: position.column + by, offset: position.offset + by };
}

/** True when `position` lies within `range` (end inclusive, so a cursor just after a word still hits it). */
export function rangeContains(range: Range, line: number, column: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && column < range.start.column) return false;
  if (line === range.end.line && column > range.end.column) return false;
  return true;
}
