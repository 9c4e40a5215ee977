import type { Position } from './ast';

/**
 * Finds the positions of offsets, counting lines as the lexer does (CRLF, CR, LF). Fastest for increasing
 * offsets (one pass over the text); a smaller offset starts again from the beginning.
 */
export function positionFinder(text: string): (offset: number) => Position {
  let at = 0;
  let line = 0;
  let lineStart = 0;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 0;
      lineStart = 0;
    }
    for (; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (c === 13 && text.charCodeAt(at + 1) === 10) continue;
      if (c === 10 || c === 13) {
        line++;
        lineStart = at + 1;
      }
    }
    return { line, column: offset - lineStart, offset };
  };
}
