import type { EnvVarRef, Position, Range, Word } from './ast';
import { AnchoredPosition, lineSpan, type LineAnchor } from './positions';

/** Shared by the words without environment variables (most of them). */
const NO_ENV_VARS: readonly EnvVarRef[] = Object.freeze([]);

/**
 * A word read by the parser: it keeps its line anchor and column and makes its range on first use, since most
 * words' ranges are never asked for (a range is three objects; a 50k-line file has hundreds of thousands of words).
 * This class is a word without quotes, escapes or `$` (most words), whose value is its text: it stores nothing
 * else, and what all words have in common (`kind`) lives on the prototype. Fields are assigned in the constructor,
 * not declared with initialisers: that is cheaper before the JIT optimises anything, which is when the CLI parses.
 */
export class WordNode implements Word {
  declare readonly raw: string;
  declare readonly anchor: LineAnchor;
  /** The column until the range is made, then the range (which holds the column): one field for both. */
  declare private at: number | Range;

  constructor(raw: string, anchor: LineAnchor, column: number) {
    this.raw = raw;
    this.anchor = anchor;
    this.at = column;
  }

  get column(): number {
    const at = this.at;
    return typeof at === 'number' ? at : at.start.column;
  }

  get kind(): 'word' {
    return 'word';
  }

  get value(): string {
    return this.raw;
  }

  get quoted(): boolean {
    return false;
  }

  get envVars(): readonly EnvVarRef[] {
    return NO_ENV_VARS;
  }

  get range(): Range {
    const at = this.at;
    if (typeof at !== 'number') return at;
    const range = lineSpan(this.anchor, at, at + this.raw.length);
    this.at = range;
    return range;
  }

  toJSON(): Word {
    return { kind: 'word', raw: this.raw, value: this.value, range: this.range, quoted: this.quoted, envVars: this.envVars };
  }
}

/** A word with quotes, escapes or environment variables: its value was decoded from its text. */
export class DecodedWordNode extends WordNode {
  declare private readonly decoded: string;
  declare private readonly hasQuotes: boolean;
  declare private references: readonly EnvVarRef[];

  constructor(raw: string, value: string, quoted: boolean, anchor: LineAnchor, column: number) {
    super(raw, anchor, column);
    this.decoded = value;
    this.hasQuotes = quoted;
    this.references = NO_ENV_VARS;
  }

  override get value(): string {
    return this.decoded;
  }

  override get quoted(): boolean {
    return this.hasQuotes;
  }

  override get envVars(): readonly EnvVarRef[] {
    return this.references;
  }

  override set envVars(references: readonly EnvVarRef[]) {
    this.references = references;
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
