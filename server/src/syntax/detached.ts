/**
 * A copy of a string that does not keep a larger text alive. V8 represents a long substring as a view of its
 * parent string: a word kept in a long-lived cache would otherwise keep the whole document version it was read
 * from in memory.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
