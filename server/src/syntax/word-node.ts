import type { EnvVarRef, Position, Range, Word } from './ast';
import { AnchoredPosition, type LineAnchor } from './positions';

/** Shared by the words without environment variables (most of them). */
const NO_ENV_VARS: readonly EnvVarRef[] = Object.freeze([]);

/**
 * A word read by the parser: it keeps its line anchor and column and makes its range on first use, since most
 * words' ranges are never asked for (a range is three objects; a 50k-line file has hundreds of thousands of words).
 * What every word has in common (`kind`) lives on the prototype, not in each word.
 */
export abstract class WordNode implements Word {
  abstract readonly value: string;
  abstract readonly quoted: boolean;
  abstract readonly envVars: readonly EnvVarRef[];
  private made: Range | undefined = undefined;

  constructor(
    readonly raw: string,
    readonly anchor: LineAnchor,
    readonly column: number,
  ) {}

  get kind(): 'word' {
    return 'word';
  }

  get range(): Range {
    return (this.made ??= { start: new AnchoredPosition(this.anchor, this.column), end: new AnchoredPosition(this.anchor, this.column + this.raw.length) });
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): Word {
    return { kind: 'word', raw: this.raw, value: this.value, range: this.range, quoted: this.quoted, envVars: this.envVars };
  }
}

/** A word without quotes, escapes or `$` (most words): its value is its text, so it stores nothing else. */
export class PlainWordNode extends WordNode {
  get value(): string {
    return this.raw;
  }

  get quoted(): boolean {
    return false;
  }

  get envVars(): readonly EnvVarRef[] {
    return NO_ENV_VARS;
  }
}

/** A word with quotes, escapes or environment variables: its value was decoded from its text. */
export class DecodedWordNode extends WordNode {
  envVars: readonly EnvVarRef[] = NO_ENV_VARS;

  constructor(
    raw: string,
    readonly value: string,
    readonly quoted: boolean,
    anchor: LineAnchor,
    column: number,
  ) {
    super(raw, anchor, column);
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
