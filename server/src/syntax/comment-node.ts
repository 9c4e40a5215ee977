import type { Comment, Range } from './ast';
import { AnchoredPosition, type LineAnchor } from './positions';

/** A comment read by the parser: like a word, it makes its range from its line anchor on first use. */
export class CommentNode implements Comment {
  private made: Range | undefined = undefined;

  constructor(
    readonly text: string,
    readonly anchor: LineAnchor,
    readonly column: number,
  ) {}

  get kind(): 'comment' {
    return 'comment';
  }

  get range(): Range {
    return (this.made ??= { start: new AnchoredPosition(this.anchor, this.column), end: new AnchoredPosition(this.anchor, this.column + this.text.length) });
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): Comment {
    return { kind: 'comment', text: this.text, range: this.range };
  }
}
