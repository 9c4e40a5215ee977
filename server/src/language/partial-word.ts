/** Where the cursor is inside a half-typed sample expression. */
export type SamplePosition =
  /** Typing the fetch name, which starts at `start`. */
  | { kind: 'fetch'; start: number }
  /** Typing a converter name after a comma. */
  | { kind: 'converter'; start: number }
  /** Typing argument `index` of call `name` (the fetch when `segment` is 0); the argument starts at `start`. */
  | { kind: 'argument'; name: string; index: number; start: number; segment: number };

/**
 * Reads a sample expression typed so far (`text`, starting at `base` in the word) the way HAProxy splits
 * it: commas at depth 0 separate converters, parentheses hold arguments, quotes protect both.
 */
export function samplePosition(text: string, base = 0): SamplePosition {
  let depth = 0;
  let quote: string | undefined;
  let segmentStart = 0;
  let openAt = -1;
  let argIndex = 0;
  let argStart = 0;
  let segment = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\') i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '\\') {
      i++;
    } else if (c === '(') {
      if (depth === 0) {
        openAt = i;
        argIndex = 0;
        argStart = i + 1;
      }
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (c === ',') {
      if (depth === 0) {
        segmentStart = i + 1;
        segment++;
      }
      else if (depth === 1) {
        argIndex++;
        argStart = i + 1;
      }
    }
  }
  if (depth > 0 && openAt >= segmentStart) return { kind: 'argument', name: text.slice(segmentStart, openAt), index: argIndex, start: base + argStart, segment };
  return segmentStart > 0 ? { kind: 'converter', start: base + segmentStart } : { kind: 'fetch', start: base };
}

/** Index just after the last `%[` that is still open at the end of `text`, or -1. */
export function openSampleStart(text: string): number {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '%' && text[i + 1] === '[' && depth === 0) {
      open = i + 2;
      depth = 1;
      i++;
    } else if (depth > 0 && c === '[') {
      depth++;
    } else if (depth > 0 && c === ']') {
      depth--;
      if (depth === 0) open = -1;
    }
  }
  return depth > 0 ? open : -1;
}

/** A log-format variable being typed at the end of `text` (`%T`, `%{+Q}r`): where its name starts. */
export function logVariableStart(text: string): { start: number; withPercent: boolean } | undefined {
  const match = /%(\{[^}]*\})?([A-Za-z]*)$/.exec(text);
  if (!match || (match.index > 0 && text[match.index - 1] === '%')) return undefined;
  return match[1] ? { start: match.index + 1 + match[1].length, withPercent: false } : { start: match.index, withPercent: true };
}

/** The part of a path being typed: the folder written so far and where the last segment starts. */
export function pathPosition(text: string): { quoteOffset: number; folder: string; segmentStart: number } {
  const quoteOffset = /^["']/.test(text) ? 1 : 0;
  const value = text.slice(quoteOffset);
  const slash = value.lastIndexOf('/');
  return { quoteOffset, folder: value.slice(0, slash + 1), segmentStart: quoteOffset + slash + 1 };
}

/** Joins a folder and a relative path with `/`, keeping it readable (no `//`, `./` dropped). */
export function joinPath(folder: string, relative: string): string {
  if (relative.startsWith('/')) return relative;
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return (base + relative.replace(/^(\.\/)+/, '')).replace(/\/{2,}/g, '/');
}
