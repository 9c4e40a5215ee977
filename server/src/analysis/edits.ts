import type { ConfigFile, Directive, Position, Range, Section, Word } from '../syntax/ast';
import { lineStarts } from '../syntax/line-starts';
import { AnchoredPosition, atColumn, shift } from '../syntax/positions';
import type { TextEdit } from './finding';

const INDENT = /^[ \t]+$/;
const INDENT_OR_NONE = /^[ \t]*$/;

const lineBreakCache = new WeakMap<ConfigFile, string>();

/** The line break the file already uses, so inserted lines match it (looked up once per file: fixes ask often). */
export function lineBreakOf(file: ConfigFile): string {
  let eol = lineBreakCache.get(file);
  if (eol === undefined) {
    eol = file.text.includes('\r\n') ? '\r\n' : '\n';
    lineBreakCache.set(file, eol);
  }
  return eol;
}

function lineStart(file: ConfigFile, line: number): Position {
  const starts = lineStarts(file);
  const offset = starts[Math.min(line, starts.length - 1)] ?? 0;
  return { line, column: 0, offset };
}

/**
 * The start of the line holding `position`. Taken from the position's line anchor when it has one, so the result
 * moves with the line (a fix kept from an earlier version stays right) and no line index of the file is needed.
 */
function startOfLine(file: ConfigFile, position: Position): Position {
  return position instanceof AnchoredPosition ? atColumn(position, 0) : lineStart(file, position.line);
}

/** The end of the line holding `position`, before its line break (anchored like `position`). */
function endOfLine(file: ConfigFile, position: Position): Position {
  const text = file.text;
  let end = position.offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return shift(position, end - position.offset);
}

const emptyRange = (at: Position): Range => ({ start: at, end: at });

/** The indentation used by the directives of a section (four spaces when it has none). */
export function sectionIndent(file: ConfigFile, section: Section): string {
  const first = section.directives[0];
  if (!first) return '    ';
  const start = startOfLine(file, first.range.start);
  const indent = file.text.slice(start.offset, first.range.start.offset);
  return INDENT.test(indent) ? indent : '    ';
}

/** Inserts whole lines after the line holding `at`, keeping the file's line breaks. */
export function insertLinesAfter(file: ConfigFile, at: Position, lines: string[], indent: string): TextEdit {
  const eol = lineBreakOf(file);
  return { range: emptyRange(endOfLine(file, at)), newText: lines.map((text) => `${eol}${indent}${text}`).join('') };
}

/** Inserts whole lines before the line holding `at`. */
export function insertLinesBefore(file: ConfigFile, at: Position, lines: string[], indent: string): TextEdit {
  const eol = lineBreakOf(file);
  return { range: emptyRange(startOfLine(file, at)), newText: lines.map((text) => `${indent}${text}${eol}`).join('') };
}

/** Inserts lines right below a section's header, indented like the section. */
export function insertAfterHeader(file: ConfigFile, section: Section, lines: string[]): TextEdit {
  return insertLinesAfter(file, section.headerRange.end, lines, sectionIndent(file, section));
}

/** Inserts lines after the last line of a section. */
export function insertAtSectionEnd(file: ConfigFile, section: Section, lines: string[]): TextEdit {
  return insertLinesAfter(file, section.range.end, lines, sectionIndent(file, section));
}

/** Inserts lines before a directive of a section, with the directive's own indentation. */
export function insertBeforeDirective(file: ConfigFile, directive: Directive, lines: string[]): TextEdit {
  const start = startOfLine(file, directive.range.start);
  const indent = file.text.slice(start.offset, directive.range.start.offset);
  return insertLinesBefore(file, directive.range.start, lines, INDENT_OR_NONE.test(indent) ? indent : '    ');
}

/** Appends words at the end of a directive (before its trailing comment). */
export function appendToDirective(directive: Directive, text: string): TextEdit {
  return { range: emptyRange(directive.range.end), newText: ` ${text}` };
}

/** Replaces a word (or any range) with new text. */
export function replaceWord(word: Word | { range: Range }, newText: string): TextEdit {
  return { range: word.range, newText };
}

/** Appends a new section at the end of the file, separated by a blank line. */
export function appendSection(file: ConfigFile, lines: string[]): TextEdit {
  const eol = lineBreakOf(file);
  const end = file.text.length;
  const lastLine = Math.max(0, lineStarts(file).length - 1);
  const at: Position = { line: lastLine, column: end - lineStart(file, lastLine).offset, offset: end };
  const lead = file.text.length === 0 ? '' : file.endsWithNewline ? eol : eol + eol;
  return { range: emptyRange(at), newText: `${lead}${lines.join(eol)}${eol}` };
}
