import { CstParser, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import { BraceFree, CloseBrace, DotDirective, If, OpenBrace, Or, Unless, Word, allTokens } from './tokens';

/**
 * Grammar of one configuration line. HAProxy reads its configuration line by line, so each line is parsed on
 * its own: an error never spills over to the next line, and an edit only needs its own lines parsed again.
 *
 *   line        := dotLine | statement
 *   dotLine     := DotDirective Word*
 *   statement   := Word Word* condition?
 *   condition   := (If | Unless) conjunction (Or conjunction)*
 *   conjunction := term+
 *   term        := anonymousAcl | BraceFree
 *   anonymousAcl:= OpenBrace BraceFree* CloseBrace
 */
class LineParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2, skipValidations: true });
    this.performSelfAnalysis();
  }

  public line = this.RULE('line', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.dotLine) },
      { ALT: () => this.SUBRULE(this.statement) },
    ]);
  });

  private dotLine = this.RULE('dotLine', () => {
    this.CONSUME(DotDirective);
    this.MANY(() => this.CONSUME(Word));
  });

  private statement = this.RULE('statement', () => {
    this.CONSUME(Word);
    this.MANY({
      GATE: () => !this.startsCondition(),
      DEF: () => this.CONSUME2(Word),
    });
    this.OPTION(() => this.SUBRULE(this.condition));
  });

  private condition = this.RULE('condition', () => {
    this.OR([{ ALT: () => this.CONSUME(If) }, { ALT: () => this.CONSUME(Unless) }]);
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  private conjunction = this.RULE('conjunction', () => {
    this.AT_LEAST_ONE({
      GATE: () => this.LA(1).tokenType !== Or,
      DEF: () => this.SUBRULE(this.term),
    });
  });

  private term = this.RULE('term', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.anonymousAcl) },
      { ALT: () => this.CONSUME(BraceFree) },
    ]);
  });

  private anonymousAcl = this.RULE('anonymousAcl', () => {
    this.CONSUME(OpenBrace);
    this.MANY(() => this.CONSUME(BraceFree));
    this.CONSUME(CloseBrace);
  });

  private startsCondition(): boolean {
    const next = this.LA(1).tokenType;
    return next === If || next === Unless;
  }
}

let parser: LineParser | undefined;

export interface LineParseResult {
  cst: CstNode;
  errors: IRecognitionException[];
}

/** Parses the word tokens of one line (no newline, blanks or comments). */
export function parseLineTokens(tokens: IToken[]): LineParseResult {
  parser ??= new LineParser();
  parser.input = tokens;
  const cst = parser.line();
  const errors = parser.errors;
  return { cst, errors };
}

