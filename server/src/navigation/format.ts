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
  const layout = new Layout(text, lines, options, parseConfig(text));
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const end = lines[i].offset + lines[i].content.length;
    const next = i + 1 < lines.length ? lines[i + 1].offset : text.length;
    out += layout.line(i) + text.slice(end, next);
  }
  return out;
}

/**
 * The edits that format a config, one per changed line; with `range`, only lines `range.start` to
 * `range.end` (inclusive, 0-based) are touched, and only those lines (and the server lines they align
 * with) are read again. `file` is the parsed `text` when the caller has it.
 */
export function formatEdits(text: string, options: FormatOptions = DEFAULT_FORMAT_OPTIONS, range?: { start: number; end: number }, file: ConfigFile = parseConfig(text)): TextEdit[] {
  const lines = splitLines(text);
  const layout = new Layout(text, lines, options, file);
  const edits: TextEdit[] = [];
  const first = Math.max(range?.start ?? 0, 0);
  const last = Math.min(range?.end ?? lines.length - 1, lines.length - 1);
  for (let i = first; i <= last; i++) {
    const { content, offset } = lines[i];
    const formatted = layout.line(i);
    if (formatted === content) continue;
    edits.push({
      range: { start: { line: i, column: 0, offset }, end: { line: i, column: content.length, offset: offset + content.length } },
      newText: formatted,
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

/** The formatted form of each line, worked out on demand: each line is lexed at most once. */
class Layout {
  private readonly kinds: Map<number, LineKind>;
  private readonly sectionOfLine: (Section | undefined)[];
  private readonly lexed = new Map<number, LexedLine | undefined>();
  private readonly widths = new Map<Section, number[]>();
  private readonly indent: string;

  constructor(
    private readonly text: string,
    private readonly lines: SourceLine[],
    private readonly options: FormatOptions,
    file: ConfigFile,
  ) {
    this.kinds = lineKinds(file);
    this.sectionOfLine = sectionsByLine(file, lines.length);
    this.indent = ' '.repeat(Math.max(0, Math.floor(options.indent)));
  }

  line(i: number): string {
    const line = this.lines[i];
    const words = this.lex(i);
    if (!words) return line.content;
    const section = this.sectionOfLine[i];
    if (words.words.length === 0) {
      // An empty last line without a line break would end the text with one, which HAProxy reads differently.
      if (!words.comment) return i === this.lines.length - 1 && line.offset + line.content.length === this.text.length ? line.content : words.bom;
      return words.bom + (words.indented && section ? this.indent : '') + words.comment;
    }
    const kind = this.kinds.get(i);
    if (kind === undefined || kind === 'orphan') return line.content;
    const prefix = kind === 'header' || !section ? '' : this.indent;
    const aligned = this.options.alignServers && section && kind === 'directive' && words.words[0] === 'server';
    const body = aligned ? alignedServer(words.words, this.serverWidths(section)) : words.words.join(' ');
    return words.bom + prefix + body + (words.comment ? ` ${words.comment}` : '');
  }

  private lex(i: number): LexedLine | undefined {
    if (!this.lexed.has(i)) this.lexed.set(i, lexLine(this.lines[i].content));
    return this.lexed.get(i);
  }

  /** The widest server name and address of a section. */
  private serverWidths(section: Section): number[] {
    let widths = this.widths.get(section);
    if (!widths) {
      widths = [0, 0];
      for (const directive of section.directives) {
        const i = directive.range.start.line;
        const line = this.lex(i);
        if (!line || this.kinds.get(i) !== 'directive' || this.sectionOfLine[i] !== section || line.words[0] !== 'server') continue;
        widths = [Math.max(widths[0], line.words[1]?.length ?? 0), Math.max(widths[1], line.words[2]?.length ?? 0)];
      }
      this.widths.set(section, widths);
    }
    return widths;
  }
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
