import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens, parserInputTokens } from './tokens';

// Tokens only need start positions (a token never spans lines); tracking ends too costs three times the time.
const OPTIONS = { positionTracking: 'onlyStart', ensureOptimizations: true, skipValidations: true } as const;
// The parser finds lines itself from token offsets: the lexer then neither counts lines nor looks at line breaks.
const PARSER_OPTIONS = { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true } as const;

let lexer: Lexer | undefined;
let wordLexer: Lexer | undefined;

/** Splits config text into tokens; blanks and comments go to the `blanks` and `comments` groups. */
export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, OPTIONS);
  return lexer.tokenize(text);
}

/**
 * What the parser reads: words and comments in one array; blanks and line breaks are skipped. Tokens carry their
 * offset only, no line or column.
 */
export function tokenizeForParser(text: string): ILexingResult {
  wordLexer ??= new Lexer(parserInputTokens, PARSER_OPTIONS);
  return wordLexer.tokenize(text);
}
