import type { Directive } from '../syntax/ast';
import { startOf } from '../syntax/word-node';

/** The line a directive is written on, without making its range (most ranges are never asked for). */
export function directiveLine(directive: Directive): number {
  return startOf(directive.prefix ?? directive.keyword).line;
}
