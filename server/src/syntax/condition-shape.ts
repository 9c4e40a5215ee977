import type { IToken } from 'chevrotain';
import { CloseBrace, OpenBrace, Or } from './tokens';

/**
 * True when `tokens[from..end)`, the words after `if`/`unless`, form a well-formed condition: terms (words, or
 * `{ ... }` without nested braces) in groups separated by `or`/`||`, no group empty. The line parser accepts
 * exactly these (a test compares them on every short sequence), so only broken lines, rare, need it for their
 * error; the others skip its cost.
 */
export function isWellFormedCondition(tokens: readonly IToken[], from: number, end: number): boolean {
  let expectTerm = true;
  let i = from;
  while (i < end) {
    const type = tokens[i].tokenType;
    if (type === Or) {
      if (expectTerm) return false;
      expectTerm = true;
      i++;
    } else if (type === CloseBrace) {
      return false;
    } else if (type === OpenBrace) {
      i++;
      while (i < end && tokens[i].tokenType !== OpenBrace && tokens[i].tokenType !== CloseBrace) i++;
      if (i === end || tokens[i].tokenType !== CloseBrace) return false;
      i++;
      expectTerm = false;
    } else {
      i++;
      expectTerm = false;
    }
  }
  return !expectTerm;
}
