import type { ConfigFile } from './ast';
import { tokenizeForParser } from './lexer';
import { endsWithLineBreak, lineCountOf } from './line-count';
import { positionFinder } from './position-finder';
import type { LineAnchor } from './positions';
import { rawTextProblems } from './raw-text-checks';
import { TreeBuilder } from './tree-builder';

export { parseAclCriterion } from './acl-criterion';

/**
 * Parses haproxy.cfg text into a typed syntax tree. Never throws: every problem becomes an entry of
 * `syntaxErrors`, and each line is parsed on its own so one broken line leaves the rest intact.
 */
export function parseConfig(text: string): ConfigFile {
  const fragment = parseFragment(text, { line: 0, offset: 0 }, true);
  const endsWithNewline = endsWithLineBreak(text);
  const lineBreaks = fragment.lineBreaks;
  const file: ConfigFile = {
    kind: 'file',
    text,
    orphans: fragment.orphans,
    sections: fragment.sections,
    conditionals: fragment.conditionals,
    messages: fragment.messages,
    comments: fragment.comments,
    syntaxErrors: fragment.syntaxErrors,
    lineCount: lineCountOf(text, lineBreaks, endsWithNewline),
    endsWithNewline,
  };
  parseStates.set(file, { anchors: fragment.anchors, lineBreaks, rawProblems: fragment.rawProblems });
  return file;
}

/** What a later incremental parse needs from an earlier one. */
export interface ParseState {
  /** Every line anchor of the file's nodes. */
  anchors: LineAnchor[];
  lineBreaks: number;
  /** Whether the text had NUL bytes, lone CRs or byte order marks (reported once per file, so not incremental). */
  rawProblems: boolean;
}

/** Parse states by file, for `reparseConfig` (server/src/syntax/incremental-parse.ts). */
export const parseStates = new WeakMap<ConfigFile, ParseState>();

/** The nodes parsed from a run of whole lines of a file. */
export interface ParsedFragment extends Pick<ConfigFile, 'orphans' | 'sections' | 'conditionals' | 'messages' | 'comments' | 'syntaxErrors'> {
  anchors: LineAnchor[];
  /** Line breaks in the fragment's text. */
  lineBreaks: number;
  rawProblems: boolean;
}

/** About how much text is tokenized at a time (then cut at the next line break). */
const CHUNK_LENGTH = 1 << 15;

/**
 * Parses `text`, a run of whole lines starting at `base` in a file: positions are those of the file. `atEnd`
 * tells whether the run ends the file (a missing final newline is reported then).
 */
export function parseFragment(text: string, base: LineAnchor, atEnd: boolean): ParsedFragment {
  const builder = new TreeBuilder(text, base);
  const raw = rawTextProblems(text);
  for (const problem of raw) {
    const { line, column, offset } = problem.range.start;
    builder.rawProblem(problem.message, line, offset - column, column, problem.range.end.column);
  }
  // The text is tokenized a chunk of lines at a time, so that tokens die young: tokens of the whole text would all
  // stay alive until the end, and the garbage collector would copy every one of them.
  const locate = positionFinder(text);
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from);
    const lexed = tokenizeForParser(from === 0 && to === text.length ? text : text.slice(from, to));
    for (const error of lexed.errors) {
      const offset = from + error.offset;
      const { line, column } = locate(offset);
      builder.rawProblem(`Unexpected character '${text.slice(offset, offset + error.length)}'`, line, offset - column, column, column + error.length);
    }
    builder.read(lexed.tokens, from);
    from = to;
  }
  return builder.finish(atEnd, raw.length > 0);
}

/** Where the chunk of text starting at `from` ends: after the first line feed past CHUNK_LENGTH characters. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from < 2 * CHUNK_LENGTH) return text.length;
  const lineFeed = text.indexOf('\n', from + CHUNK_LENGTH);
  return lineFeed < 0 ? text.length : lineFeed + 1;
}
