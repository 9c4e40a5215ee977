import type { Comment, Range } from './ast';
import { lineSpan, type LineAnchor } from './positions';

/** A comment read by the parser: like a word, it makes its range from its line anchor on first use. */
export class CommentNode implements Comment {
  declare readonly text: string;
  declare readonly anchor: LineAnchor;
  declare readonly column: number;
  declare private made: Range | undefined;

  constructor(text: string, anchor: LineAnchor, column: number) {
    this.text = text;
    this.anchor = anchor;
    this.column = column;
    this.made = undefined;
  }

  get kind(): 'comment' {
    return 'comment';
  }

  get range(): Range {
    return (this.made ??= lineSpan(this.anchor, this.column, this.column + this.text.length));
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): Comment {
    return { kind: 'comment', text: this.text, range: this.range };
  }
}
