import type { Position, SyntaxProblem } from './ast';
import { positionFinder } from './position-finder';

function problemAt(locate: (offset: number) => Position, offset: number, message: string): SyntaxProblem {
  const start = locate(offset);
  return { message, range: { start, end: { line: start.line, column: start.column + 1, offset: offset + 1 } } };
}

/**
 * Characters HAProxy reads differently from an editor: NUL bytes (HAProxy's line ends there), lone CR line
 * endings (HAProxy only ends lines at LF) and byte order marks (HAProxy keeps them as part of the word).
 */
export function rawTextProblems(text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const locate = positionFinder(text);
  if (text.includes('\0')) {
    let lastLine = -1;
    for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) {
      const problem = problemAt(locate, at, 'NUL character: HAProxy stops reading the line here, so the rest of the line is lost (is this a binary file?)');
      if (problem.range.start.line === lastLine) continue;
      lastLine = problem.range.start.line;
      problems.push(problem);
      if (problems.length >= 100) break;
    }
  }
  const loneCr = text.includes('\r') ? /\r(?!\n)/.exec(text) : null;
  if (loneCr) {
    problems.push(problemAt(locate, loneCr.index, 'Line ends with a lone carriage return (CR): HAProxy only ends lines at LF, so it reads this line and the next ones as a single line; use LF or CRLF line endings'));
  }
  if (text.includes('\uFEFF')) {
    for (let at = text.indexOf('\uFEFF'); at >= 0; at = text.indexOf('\uFEFF', at + 1)) {
      const message =
        at === 0
          ? 'The file starts with a UTF-8 byte order mark: HAProxy (2.6 at least) reads it as part of the first keyword and rejects the line; save the file without BOM'
          : 'Byte order mark (U+FEFF) in the text: HAProxy reads it as part of a word';
      problems.push(problemAt(locate, at, message));
      if (problems.length >= 200) break;
    }
  }
  return problems;
}
