import type { ConfigFile, Word } from '../syntax/ast';
import { lineStarts } from '../syntax/line-starts';
import { tokenize } from '../syntax/lexer';
import { CloseBrace, If, OpenBrace, Or, Unless } from '../syntax/tokens';
import { wordFromToken } from '../syntax/word';

/** What role the lexer gives a word; `word` for anything that is not a condition token. */
export type WordRole = 'word' | 'if' | 'unless' | 'or' | 'open' | 'close';

/** The words of one physical line, read the way the parser reads them, with absolute ranges. */
export interface LineWords {
  line: number;
  text: string;
  /** Offset of the line's first character in the file text. */
  start: number;
  words: Word[];
  roles: WordRole[];
  /** Column where a comment starts, if the line has one. */
  commentColumn?: number;
}


/** The text of a line without its line break, or undefined past the end of the file. */
export function lineText(file: ConfigFile, line: number): { text: string; start: number } | undefined {
  const starts = lineStarts(file);
  if (line < 0 || line >= starts.length) return undefined;
  const start = starts[line];
  let end = line + 1 < starts.length ? starts[line + 1] : file.text.length;
  while (end > start && (file.text[end - 1] === '\n' || file.text[end - 1] === '\r')) end--;
  return { text: file.text.slice(start, end), start };
}

const ROLE_OF = new Map<unknown, WordRole>([
  [If, 'if'],
  [Unless, 'unless'],
  [Or, 'or'],
  [OpenBrace, 'open'],
  [CloseBrace, 'close'],
]);

/**
 * Splits one line into words with the configuration lexer. Works on lines the parser could not make sense of
 * (an unclosed brace, a half-typed condition), which is what completion sees most of the time.
 */
export function readLine(file: ConfigFile, line: number): LineWords | undefined {
  const found = lineText(file, line);
  if (!found) return undefined;
  const lexed = tokenize(found.text);
  const words: Word[] = [];
  const roles: WordRole[] = [];
  for (const token of lexed.tokens) {
    if (token.tokenType.name === 'Newline') continue;
    const { word } = wordFromToken(token);
    const shift = (p: Word['range']['start']) => ({ line, column: p.column, offset: p.offset + found.start });
    words.push({ ...word, range: { start: shift(word.range.start), end: shift(word.range.end) } });
    roles.push(ROLE_OF.get(token.tokenType) ?? 'word');
  }
  const comment = lexed.groups.comments?.[0];
  const result: LineWords = { line, text: found.text, start: found.start, words, roles };
  if (comment) result.commentColumn = comment.startOffset;
  return result;
}

/** Index of the word under a column: one that contains it, else one that ends right there; -1 on a blank. */
export function wordIndexAt(words: readonly Word[], column: number): number {
  let touching = -1;
  for (let i = 0; i < words.length; i++) {
    const { start, end } = words[i].range;
    if (start.column <= column && column < end.column) return i;
    if (end.column === column) touching = i;
  }
  return touching;
}
