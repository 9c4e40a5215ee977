import type { EnvVarRef, Position, Range, Word } from './ast';
import { AnchoredPosition, type LineAnchor } from './positions';

/**
 * A word read by the parser: it keeps its line anchor and column and makes its range on first use, since most
 * words' ranges are never asked for (a range is three objects; a 50k-line file has hundreds of thousands of words).
 */
export class WordNode implements Word {
  readonly kind = 'word';
  private made: Range | undefined = undefined;

  constructor(
    readonly raw: string,
    readonly value: string,
    readonly quoted: boolean,
    readonly envVars: readonly EnvVarRef[],
    readonly anchor: LineAnchor,
    readonly column: number,
  ) {}

  get range(): Range {
    return (this.made ??= { start: new AnchoredPosition(this.anchor, this.column), end: new AnchoredPosition(this.anchor, this.column + this.raw.length) });
  }

  toJSON(): Word {
    return { kind: 'word', raw: this.raw, value: this.value, range: this.range, quoted: this.quoted, envVars: this.envVars };
  }
}

/** Where a word starts, without making its range. */
export function startOf(word: Word): Position {
  return word instanceof WordNode ? new AnchoredPosition(word.anchor, word.column) : word.range.start;
}

/** Where a word ends, without making its range. */
export function endOf(word: Word): Position {
  return word instanceof WordNode ? new AnchoredPosition(word.anchor, word.column + word.raw.length) : word.range.end;
}

/** The range from the start of `first` to the end of `last`. */
export function spanWords(first: Word, last: Word): Range {
  return { start: startOf(first), end: endOf(last) };
}
