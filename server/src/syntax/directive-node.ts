import type { Comment, Condition, ConditionalBlock, Directive, Range, Word } from './ast';
import { spanWords } from './word-node';

/**
 * A directive read by the parser. Its range is made from its first and last words on first use: one object a
 * line instead of four, and most ranges are never asked for.
 */
export class DirectiveNode implements Directive {
  private made: Range | undefined = undefined;

  constructor(
    readonly prefix: Word | undefined,
    readonly keyword: Word,
    readonly args: Word[],
    readonly condition: Condition | undefined,
    readonly comment: Comment | undefined,
    readonly guard: ConditionalBlock | undefined,
    /** The last word of the line, in the condition when there is one. */
    private readonly last: Word,
  ) {}

  get kind(): 'directive' {
    return 'directive';
  }

  get range(): Range {
    return (this.made ??= spanWords(this.prefix ?? this.keyword, this.last));
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): Directive {
    const { prefix, keyword, args, condition, comment, range, guard } = this;
    return { kind: 'directive', prefix, keyword, args, condition, comment, range, guard };
  }
}
