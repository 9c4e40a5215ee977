import type { Comment, Condition, ConditionalBlock, Directive, Range, Word } from './ast';
import { spanWords } from './word-node';

/** What few directives have: kept apart, so that the others store one empty field instead of five. */
export interface DirectiveExtras {
  prefix?: Word;
  condition?: Condition;
  comment?: Comment;
  guard?: ConditionalBlock;
  /** The last word of the line when it is not the last argument (the line has a condition). */
  last?: Word;
}

/**
 * A directive read by the parser. Its range is made from its first and last words on first use: one object a
 * line instead of four, and most ranges are never asked for. (Fields are assigned in the constructor, see WordNode.)
 */
export class DirectiveNode implements Directive {
  declare readonly keyword: Word;
  declare readonly args: Word[];
  declare private readonly extras: DirectiveExtras | undefined;
  declare private made: Range | undefined;

  constructor(keyword: Word, args: Word[], extras: DirectiveExtras | undefined) {
    this.keyword = keyword;
    this.args = args;
    this.extras = extras;
    this.made = undefined;
  }

  get kind(): 'directive' {
    return 'directive';
  }

  get prefix(): Word | undefined {
    return this.extras?.prefix;
  }

  get condition(): Condition | undefined {
    return this.extras?.condition;
  }

  get comment(): Comment | undefined {
    return this.extras?.comment;
  }

  get guard(): ConditionalBlock | undefined {
    return this.extras?.guard;
  }

  get range(): Range {
    const extras = this.extras;
    return (this.made ??= spanWords(extras?.prefix ?? this.keyword, extras?.last ?? this.args[this.args.length - 1] ?? this.keyword));
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): Directive {
    const { prefix, keyword, args, condition, comment, range, guard } = this;
    return { kind: 'directive', prefix, keyword, args, condition, comment, range, guard };
  }
}
