import type { AclCriterion, AclRefTerm, AnonymousAclTerm, Condition, ConditionTerm, Range, Word } from './ast';
import { subRange } from './positions';
import { spanWords } from './word-node';

/** A condition read by the parser; its range (keyword to the last word of the line) is made on first use. */
export class ConditionNode implements Condition {
  private made: Range | undefined = undefined;

  constructor(
    readonly polarity: 'if' | 'unless',
    readonly keyword: Word,
    readonly groups: ConditionTerm[][],
    private readonly last: Word,
  ) {}

  get kind(): 'condition' {
    return 'condition';
  }

  get range(): Range {
    return (this.made ??= spanWords(this.keyword, this.last));
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): Condition {
    return { kind: 'condition', polarity: this.polarity, keyword: this.keyword, groups: this.groups, range: this.range };
  }
}

/** A named ACL in a condition; its range is its word's, its name range is made on first use. */
export class AclRefNode implements AclRefTerm {
  private made: Range | undefined = undefined;

  constructor(
    readonly negated: boolean,
    readonly name: string,
    readonly word: Word,
    /** How many `!` precede the name. */
    private readonly bangs: number,
  ) {}

  get kind(): 'acl-ref' {
    return 'acl-ref';
  }

  get nameRange(): Range {
    return (this.made ??= subRange(this.word.range, this.bangs, this.word.raw.length));
  }

  set nameRange(range: Range) {
    this.made = range;
  }

  get range(): Range {
    return this.word.range;
  }

  toJSON(): AclRefTerm {
    return { kind: 'acl-ref', negated: this.negated, name: this.name, word: this.word, nameRange: this.nameRange, range: this.range };
  }
}

/** An anonymous ACL read by the parser; its range (open brace to close brace) is made on first use. */
export class AnonymousAclNode implements AnonymousAclTerm {
  private made: Range | undefined = undefined;

  constructor(
    readonly negated: boolean,
    readonly open: Word,
    readonly close: Word | undefined,
    readonly words: Word[],
    readonly criterion: AclCriterion | undefined,
  ) {}

  get kind(): 'anonymous-acl' {
    return 'anonymous-acl';
  }

  get range(): Range {
    return (this.made ??= spanWords(this.open, this.close ?? this.words.at(-1) ?? this.open));
  }

  set range(range: Range) {
    this.made = range;
  }

  toJSON(): AnonymousAclTerm {
    return { kind: 'anonymous-acl', negated: this.negated, open: this.open, close: this.close, words: this.words, criterion: this.criterion, range: this.range };
  }
}
