import type { AclCriterion, AclRefTerm, AnonymousAclTerm, Condition, ConditionTerm, Range, Word } from './ast';
import { subRange } from './positions';
import { spanWords } from './word-node';

// Fields are assigned in constructors rather than declared with initialisers: cheaper before the JIT optimises.

/** A condition read by the parser; its range (keyword to the last word of the line) is made on first use. */
export class ConditionNode implements Condition {
  declare readonly polarity: 'if' | 'unless';
  declare readonly keyword: Word;
  declare readonly groups: ConditionTerm[][];
  declare private readonly last: Word;
  declare private made: Range | undefined;

  constructor(polarity: 'if' | 'unless', keyword: Word, groups: ConditionTerm[][], last: Word) {
    this.polarity = polarity;
    this.keyword = keyword;
    this.groups = groups;
    this.last = last;
    this.made = undefined;
  }

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
  declare readonly negated: boolean;
  declare readonly name: string;
  declare readonly word: Word;
  /** How many `!` precede the name. */
  declare private readonly bangs: number;
  declare private made: Range | undefined;

  constructor(negated: boolean, name: string, word: Word, bangs: number) {
    this.negated = negated;
    this.name = name;
    this.word = word;
    this.bangs = bangs;
    this.made = undefined;
  }

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
  declare readonly negated: boolean;
  declare readonly open: Word;
  declare readonly close: Word | undefined;
  declare readonly words: Word[];
  declare readonly criterion: AclCriterion | undefined;
  declare private made: Range | undefined;

  constructor(negated: boolean, open: Word, close: Word | undefined, words: Word[], criterion: AclCriterion | undefined) {
    this.negated = negated;
    this.open = open;
    this.close = close;
    this.words = words;
    this.criterion = criterion;
    this.made = undefined;
  }

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
