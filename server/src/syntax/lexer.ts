import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens, parserInputTokens } from './tokens';

// Tokens only need start positions (a token never spans lines); tracking ends too costs three times the time.
const OPTIONS = { positionTracking: 'onlyStart', ensureOptimizations: true, skipValidations: true } as const;

let lexer: Lexer | undefined;
let wordLexer: Lexer | undefined;

/** Splits config text into tokens; blanks and comments go to the `blanks` and `comments` groups. */
export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, OPTIONS);
  return lexer.tokenize(text);
}

/** Like `tokenize`, without the blanks (they are skipped): words, newlines and the `comments` group. */
export function tokenizeForParser(text: string): ILexingResult {
  wordLexer ??= new Lexer(parserInputTokens, OPTIONS);
  return wordLexer.tokenize(text);
}
