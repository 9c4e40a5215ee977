import type { IToken } from 'chevrotain';
import type { Position, Range } from './ast';

/**
 * Where one source line starts. Positions on a parsed line refer to its anchor, so when lines are inserted or
 * removed above a block of unchanged lines, moving the block means updating its anchors, not its nodes.
 */
export interface LineAnchor {
  line: number;
  offset: number;
}

/** A position on an anchored line: `line` and `offset` follow the anchor. Serialises as a plain position. */
export class AnchoredPosition implements Position {
  // Assigned in the constructor rather than declared as parameter properties: cheaper before the JIT optimises.
  declare readonly anchor: LineAnchor;
  declare readonly column: number;

  constructor(anchor: LineAnchor, column: number) {
    this.anchor = anchor;
    this.column = column;
  }

  get line(): number {
    return this.anchor.line;
  }

  get offset(): number {
    return this.anchor.offset + this.column;
  }

  toJSON(): { line: number; column: number; offset: number } {
    return { line: this.anchor.line, column: this.column, offset: this.anchor.offset + this.column };
  }
}

/**
 * A position some lines below an anchored line (a blank line of a section, say, that has no anchor of its own):
 * it moves with the anchor, so it stays right while the lines between them are unchanged.
 */
export class RelativePosition implements Position {
  constructor(
    readonly anchor: LineAnchor,
    private readonly lineDelta: number,
    readonly column: number,
    private readonly offsetDelta: number,
  ) {}

  get line(): number {
    return this.anchor.line + this.lineDelta;
  }

  get offset(): number {
    return this.anchor.offset + this.offsetDelta;
  }

  toJSON(): { line: number; column: number; offset: number } {
    return { line: this.line, column: this.column, offset: this.offset };
  }
}

/** A plain copy of a position (what it is now, detached from any anchor). */
export function plainPosition(position: Position): Position {
  return { line: position.line, column: position.column, offset: position.offset };
}

/** Range of a token, converted from Chevrotain's 1-based inclusive positions to 0-based, end-exclusive. */
export function tokenRange(token: IToken): Range {
  const length = token.image.length;
  return {
    start: { line: (token.startLine ?? 1) - 1, column: (token.startColumn ?? 1) - 1, offset: token.startOffset },
    end: { line: (token.startLine ?? 1) - 1, column: (token.startColumn ?? 1) - 1 + length, offset: token.startOffset + length },
  };
}

/** The range from `startColumn` to `endColumn` on the line of `anchor`. */
export function lineSpan(anchor: LineAnchor, startColumn: number, endColumn: number): Range {
  return { start: new AnchoredPosition(anchor, startColumn), end: new AnchoredPosition(anchor, endColumn) };
}

/** A range covering `from` to `to`. */
export function spanRanges(from: Range, to: Range): Range {
  return { start: from.start, end: to.end };
}

/** A sub-range of a single-line range, by character offsets relative to its start. */
export function subRange(range: Range, from: number, to: number): Range {
  return { start: shift(range.start, from), end: shift(range.start, to) };
}

/** The position `by` characters further on the same line (anchored when `position` is). */
export function shift(position: Position, by: number): Position {
  if (position instanceof AnchoredPosition) return new AnchoredPosition(position.anchor, position.column + by);
  return { line: position.line, column: position.column + by, offset: position.offset + by };
}

/** The position at `column` of the same line (anchored when `position` is). */
export function atColumn(position: Position, column: number): Position {
  return shift(position, column - position.column);
}

/** True when `position` lies within `range` (end inclusive, so a cursor just after a word still hits it). */
export function rangeContains(range: Range, line: number, column: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && column < range.start.column) return false;
  if (line === range.end.line && column > range.end.column) return false;
  return true;
}
