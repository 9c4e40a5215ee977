import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens';

let lexer: Lexer | undefined;

/** Splits config text into tokens; blanks and comments go to the `blanks` and `comments` groups. */
export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true, skipValidations: true });
  return lexer.tokenize(text);
}
