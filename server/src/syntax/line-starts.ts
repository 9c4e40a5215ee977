import type { ConfigFile } from './ast';
import { firstIndexWhere } from './binary-search';

const lineStartsCache = new WeakMap<ConfigFile, number[]>();

/** Adds to `starts` the offsets (from `base`) where lines start after each line break of `text`. */
function pushLineStarts(starts: number[], text: string, base: number): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(base + i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(base + i + 1);
    }
  }
}

/** Offsets where each line of a parsed file starts (after LF, CRLF or a lone CR), computed once per file. */
export function lineStarts(file: ConfigFile): number[] {
  let starts = lineStartsCache.get(file);
  if (!starts) {
    starts = [0];
    pushLineStarts(starts, file.text, 0);
    lineStartsCache.set(file, starts);
  }
  return starts;
}

/** How many of the sorted `values` are at most `limit`. */
function countAtMost(values: readonly number[], limit: number): number {
  return firstIndexWhere(values.length, (i) => values[i] > limit);
}

/**
 * Carries the line starts of `previous`, if they were computed, over to `next`: the text from `regionStart` to
 * `regionEnd` of the previous text (both line starts) became `regionText`, the rest is unchanged. Costs the
 * size of the region, not of the file.
 */
export function carryLineStarts(previous: ConfigFile, next: ConfigFile, regionStart: number, regionEnd: number, regionText: string): void {
  const old = lineStartsCache.get(previous);
  if (!old) return;
  const head = countAtMost(old, regionStart);
  const starts = old.slice(0, head);
  pushLineStarts(starts, regionText, regionStart);
  if (regionEnd < previous.text.length) {
    const delta = regionText.length - (regionEnd - regionStart);
    for (let i = countAtMost(old, regionEnd); i < old.length; i++) starts.push(old[i] + delta);
  }
  lineStartsCache.set(next, starts);
}
