import type { ConfigFile, Directive, Position, Range, Section, Word } from '../syntax/ast';
import { lineStarts } from '../syntax/line-starts';
import type { TextEdit } from './finding';


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

function lineEnd(file: ConfigFile, line: number): Position {
  const starts = lineStarts(file);
  const start = starts[line] ?? file.text.length;
  let end = line + 1 < starts.length ? starts[line + 1] : file.text.length;
  while (end > start && (file.text[end - 1] === '\n' || file.text[end - 1] === '\r')) end--;
  return { line, column: end - start, offset: end };
}

const emptyRange = (at: Position): Range => ({ start: at, end: at });

/** The indentation used by the directives of a section (four spaces when it has none). */
export function sectionIndent(file: ConfigFile, section: Section): string {
  const first = section.directives[0];
  if (!first) return '    ';
  const start = lineStart(file, first.range.start.line);
  const indent = file.text.slice(start.offset, first.range.start.offset);
  return /^[ \t]+$/.test(indent) ? indent : '    ';
}

/** Inserts whole lines after a given line, keeping the file's line breaks. */
export function insertLinesAfter(file: ConfigFile, line: number, lines: string[], indent: string): TextEdit {
  const eol = lineBreakOf(file);
  return { range: emptyRange(lineEnd(file, line)), newText: lines.map((text) => `${eol}${indent}${text}`).join('') };
}

/** Inserts whole lines before a given line. */
export function insertLinesBefore(file: ConfigFile, line: number, lines: string[], indent: string): TextEdit {
  const eol = lineBreakOf(file);
  return { range: emptyRange(lineStart(file, line)), newText: lines.map((text) => `${indent}${text}${eol}`).join('') };
}

/** Inserts lines right below a section's header, indented like the section. */
export function insertAfterHeader(file: ConfigFile, section: Section, lines: string[]): TextEdit {
  return insertLinesAfter(file, section.headerRange.end.line, lines, sectionIndent(file, section));
}

/** Inserts lines after the last line of a section. */
export function insertAtSectionEnd(file: ConfigFile, section: Section, lines: string[]): TextEdit {
  return insertLinesAfter(file, section.range.end.line, lines, sectionIndent(file, section));
}

/** Inserts lines before a directive of a section, with the directive's own indentation. */
export function insertBeforeDirective(file: ConfigFile, directive: Directive, lines: string[]): TextEdit {
  const start = lineStart(file, directive.range.start.line);
  const indent = file.text.slice(start.offset, directive.range.start.offset);
  return insertLinesBefore(file, directive.range.start.line, lines, /^[ \t]*$/.test(indent) ? indent : '    ');
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
