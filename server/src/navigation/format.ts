import type { ConfigFile, Section } from '../syntax/ast';
import { tokenize } from '../syntax/lexer';
import { parseConfig } from '../syntax/parse-config';
import type { TextEdit } from './location';

export interface FormatOptions {
  /** Spaces before each directive of a section. */
  indent: number;
  /** Pad the name and address of `server` lines so that each section's servers line up. */
  alignServers: boolean;
}

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { indent: 4, alignServers: false };

/** What a physical line holds, as the parser saw it. */
type LineKind = 'header' | 'directive' | 'orphan' | 'dot';

interface SourceLine {
  content: string;
  /** Offset of the line's first character in the text. */
  offset: number;
}

interface LexedLine {
  words: string[];
  comment?: string;
  /** A byte order mark at the very start of the file, kept in place. */
  bom: string;
  indented: boolean;
}

/**
 * Lays out a config: section headers at column 0, directives (and `.if` lines) inside sections indented,
 * one space between words and before a trailing comment, optionally aligned `server` lines. Words are
 * written exactly as they were (quotes, escapes), comment text is kept, and lines the lexer cannot read
 * or lines before the first section stay as they are, so the parsed config never changes. Formatting a
 * formatted text changes nothing.
 */
export function formatText(text: string, options: FormatOptions = DEFAULT_FORMAT_OPTIONS): string {
  const lines = splitLines(text);
  const formatted = formatLines(text, lines, options);
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const end = lines[i].offset + lines[i].content.length;
    const next = i + 1 < lines.length ? lines[i + 1].offset : text.length;
    out += formatted[i] + text.slice(end, next);
  }
  return out;
}

/**
 * The edits that format a config, one per changed line; with `range`, only lines `range.start` to
 * `range.end` (inclusive, 0-based) are touched.
 */
export function formatEdits(text: string, options: FormatOptions = DEFAULT_FORMAT_OPTIONS, range?: { start: number; end: number }): TextEdit[] {
  const lines = splitLines(text);
  const formatted = formatLines(text, lines, options);
  const edits: TextEdit[] = [];
  const first = Math.max(range?.start ?? 0, 0);
  const last = Math.min(range?.end ?? lines.length - 1, lines.length - 1);
  for (let i = first; i <= last; i++) {
    const { content, offset } = lines[i];
    if (formatted[i] === content) continue;
    edits.push({
      range: { start: { line: i, column: 0, offset }, end: { line: i, column: content.length, offset: offset + content.length } },
      newText: formatted[i],
    });
  }
  return edits;
}

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ content: text.slice(start, match.index), offset: start });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ content: text.slice(start), offset: start });
  return lines;
}

function formatLines(text: string, lines: SourceLine[], options: FormatOptions): string[] {
  const file = parseConfig(text);
  const kinds = lineKinds(file);
  const sectionOfLine = sectionsByLine(file, lines.length);
  const lexed = lines.map((line) => lexLine(line.content));
  const widths = options.alignServers ? serverColumnWidths(lexed, kinds, sectionOfLine) : undefined;
  const indent = ' '.repeat(Math.max(0, Math.floor(options.indent)));
  return lines.map((line, i) => {
    const words = lexed[i];
    if (!words) return line.content;
    const inSection = sectionOfLine[i] !== undefined;
    if (words.words.length === 0) {
      // An empty last line without a line break would end the text with one, which HAProxy reads differently.
      if (!words.comment) return i === lines.length - 1 && line.offset + line.content.length === text.length ? line.content : words.bom;
      return words.bom + (words.indented && inSection ? indent : '') + words.comment;
    }
    const kind = kinds.get(i);
    if (kind === undefined || kind === 'orphan') return line.content;
    const prefix = kind === 'header' || !inSection ? '' : indent;
    const body = widths && kind === 'directive' && words.words[0] === 'server' ? alignedServer(words.words, widths.get(sectionOfLine[i]!)!) : words.words.join(' ');
    return words.bom + prefix + body + (words.comment ? ` ${words.comment}` : '');
  });
}

/** Splits one line into word images and its comment; undefined when the lexer rejects part of it. */
function lexLine(content: string): LexedLine | undefined {
  const lexed = tokenize(content);
  if (lexed.errors.length > 0) return undefined;
  const comments = lexed.groups.comments ?? [];
  if (comments.length > 1) return undefined;
  const bom = content.startsWith('\uFEFF') ? '\uFEFF' : '';
  return {
    words: lexed.tokens.map((token) => token.image),
    comment: comments[0]?.image,
    bom,
    indented: /^[ \t\v\f]/.test(content.slice(bom.length)),
  };
}

function lineKinds(file: ConfigFile): Map<number, LineKind> {
  const kinds = new Map<number, LineKind>();
  for (const directive of file.orphans) kinds.set(directive.range.start.line, 'orphan');
  for (const section of file.sections) {
    kinds.set(section.headerRange.start.line, 'header');
    for (const directive of section.directives) kinds.set(directive.range.start.line, 'directive');
  }
  for (const block of file.conditionals) {
    for (const branch of block.branches) kinds.set(branch.keyword.range.start.line, 'dot');
    if (block.endif) kinds.set(block.endif.range.start.line, 'dot');
  }
  for (const message of file.messages) kinds.set(message.keyword.range.start.line, 'dot');
  return kinds;
}

/** For each line, the section it falls in: from a header up to the line before the next header. */
function sectionsByLine(file: ConfigFile, lineCount: number): (Section | undefined)[] {
  const byLine: (Section | undefined)[] = new Array(lineCount).fill(undefined);
  file.sections.forEach((section, index) => {
    const end = file.sections[index + 1]?.headerRange.start.line ?? lineCount;
    for (let line = section.headerRange.start.line; line < end; line++) byLine[line] = section;
  });
  return byLine;
}

/** The widest server name and address of each section. */
function serverColumnWidths(lexed: (LexedLine | undefined)[], kinds: Map<number, LineKind>, sections: (Section | undefined)[]): Map<Section, number[]> {
  const widths = new Map<Section, number[]>();
  lexed.forEach((line, i) => {
    const section = sections[i];
    if (!line || !section || kinds.get(i) !== 'directive' || line.words[0] !== 'server') return;
    const current = widths.get(section) ?? [0, 0];
    widths.set(section, [Math.max(current[0], line.words[1]?.length ?? 0), Math.max(current[1], line.words[2]?.length ?? 0)]);
  });
  return widths;
}

/** `server NAME ADDRESS options` with NAME and ADDRESS padded to the section's widths (never the last word). */
function alignedServer(words: string[], widths: number[]): string {
  let out = words[0];
  for (let i = 1; i < words.length; i++) {
    const previous = words[i - 1];
    const pad = i >= 2 && i <= 3 ? widths[i - 2] - previous.length : 0;
    out += ' '.repeat(Math.max(pad, 0) + 1) + words[i];
  }
  return out;
}
