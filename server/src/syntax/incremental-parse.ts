import type { ConfigFile, Range, Section } from './ast';
import { firstIndexWhere } from './binary-search';
import { detached } from './detached';
import { carryLineStarts } from './line-starts';
import { AnchoredPosition } from './positions';
import { countLineBreaks, endsWithLineBreak, lineCountOf } from './line-count';
import { parseConfig, parseFragment, parseStates } from './parse-config';

/** Where a section's header line starts in the text. */
function headerLineStart(section: Section): number {
  const start = section.keyword.range.start;
  return start instanceof AnchoredPosition ? start.anchor.offset : start.offset - start.column;
}

const BLOCK = 4096;

/** Length of the common prefix; compares blocks first (string comparison is far faster than a loop over characters). */
function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix, not reaching into the first `notBefore` characters of either text. */
function commonSuffixLength(a: string, b: string, notBefore: number): number {
  const max = Math.min(a.length, b.length) - notBefore;
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

const RAW_TEXT_CHARS = /[\0\uFEFF]|\r(?!\n)/;

/**
 * Parses `text`, a new version of `previous.text`, re-reading only the sections the change touches: the
 * sections before it are kept as they are, those after it too, moved by updating their line anchors (so the
 * previous tree must not be used afterwards; an unchanged text gives the previous tree back). The result is the
 * tree `parseConfig(text)` builds. A change that touches a `.if` block or a `.diag`-like line, or a file with NUL
 * bytes, lone CRs or byte order marks, is parsed whole.
 */
export function reparseConfig(previous: ConfigFile, text: string): ConfigFile {
  const state = parseStates.get(previous);
  const old = previous.text;
  if (!state || state.rawProblems || previous.conditionals.some((block) => !block.endif)) return parseConfig(text);

  const prefix = commonPrefixLength(old, text);
  if (prefix === old.length && prefix === text.length) return previous;
  const suffix = commonSuffixLength(old, text, prefix);
  const changeStart = prefix;
  const changeEnd = old.length - suffix;

  const sections = previous.sections;
  const count = sections.length;
  const start = (index: number) => headerLineStart(sections[index]);
  const chunkEnd = (index: number) => (index + 1 < count ? start(index + 1) : old.length);
  // Chunks: -1 is the text before the first section, i is section i up to the next header. A chunk is
  // affected when it touches the change, ends included (an edit at a boundary may belong to either side).
  let first = count === 0 || changeStart <= start(0) ? -1 : firstIndexWhere(count, (i) => chunkEnd(i) >= changeStart);
  // An edit on a header line may turn its lines into lines of the previous section.
  if (first >= 0 && changeStart <= lineEndOf(old, start(first))) first--;
  let last = firstIndexWhere(count, (i) => start(i) > changeEnd) - 1;
  if (last < first) last = first;

  const regionStart = first < 0 ? 0 : start(first);
  const regionEnd = chunkEnd(last);
  const delta = text.length - old.length;
  const regionText = detached(text.slice(regionStart, regionEnd + delta));
  if (RAW_TEXT_CHARS.test(regionText)) return parseConfig(text);
  const touchesRegion = (range: Range) => range.start.offset <= regionEnd && range.end.offset >= regionStart;
  if (previous.conditionals.some((block) => touchesRegion(block.range)) || previous.messages.some((message) => touchesRegion(message.range))) {
    return parseConfig(text);
  }

  const baseLine = first < 0 ? 0 : sections[first].keyword.range.start.line;
  const atEnd = regionEnd === old.length;
  const fragment = parseFragment(regionText, { line: baseLine, offset: regionStart }, atEnd);
  if (fragment.conditionals.length > 0 || fragment.messages.length > 0 || fragment.rawProblems || (first >= 0 && fragment.orphans.length > 0)) {
    return parseConfig(text);
  }

  const lineDelta = fragment.lineBreaks - countLineBreaks(old.slice(regionStart, regionEnd));
  const tailStart = atEnd ? Number.POSITIVE_INFINITY : regionEnd;
  const comments = splice(previous.comments, (c) => c.range.start.offset, regionStart, tailStart, fragment.comments);
  const syntaxErrors = splice(previous.syntaxErrors, (e) => e.range.start.offset, regionStart, tailStart, fragment.syntaxErrors);
  const kept = firstIndexWhere(state.anchors.length, (i) => state.anchors[i].offset >= regionStart);
  const anchors = splice(state.anchors, (a) => a.offset, regionStart, tailStart, fragment.anchors);
  // The lines after the region move (after the splices above, which read the old offsets).
  for (let i = kept + fragment.anchors.length; i < anchors.length; i++) {
    anchors[i].line += lineDelta;
    anchors[i].offset += delta;
  }

  const lineBreaks = state.lineBreaks + lineDelta;
  const endsWithNewline = endsWithLineBreak(text);
  const file: ConfigFile = {
    kind: 'file',
    text,
    orphans: first < 0 ? fragment.orphans : previous.orphans,
    sections: sections.slice(0, Math.max(first, 0)).concat(fragment.sections, sections.slice(last + 1)),
    conditionals: previous.conditionals,
    messages: previous.messages,
    comments,
    syntaxErrors,
    lineCount: lineCountOf(text, lineBreaks, endsWithNewline),
    endsWithNewline,
  };
  parseStates.set(file, { anchors, lineBreaks, rawProblems: false });
  carryLineStarts(previous, file, regionStart, regionEnd, regionText);
  return file;
}

/**
 * Replaces, in a list sorted by offset, the items from `from` up to (not including) `to` by `inserted`.
 * Binary searches, so that an edit costs the size of the change rather than of the file.
 */
function splice<T>(items: readonly T[], offsetOf: (item: T) => number, from: number, to: number, inserted: readonly T[]): T[] {
  const head = firstIndexWhere(items.length, (i) => offsetOf(items[i]) >= from);
  const tail = firstIndexWhere(items.length, (i) => offsetOf(items[i]) >= to);
  return items.slice(0, head).concat(inserted, items.slice(tail));
}

/** The offset of the line break ending the line that starts at `lineStart` (or the end of the text). */
function lineEndOf(text: string, lineStart: number): number {
  for (let i = lineStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}
