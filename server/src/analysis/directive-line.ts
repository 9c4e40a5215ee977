import type { Directive } from '../syntax/ast';
import { startOf, WordNode } from '../syntax/word-node';

/** The line a directive is written on, without making its range (most ranges are never asked for). */
export function directiveLine(directive: Directive): number {
  const first = directive.prefix ?? directive.keyword;
  return first instanceof WordNode ? first.anchor.line : startOf(first).line;
}
