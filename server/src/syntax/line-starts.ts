import type { ConfigFile } from './ast';

const lineStartsCache = new WeakMap<ConfigFile, number[]>();

/** Offsets where each line of a parsed file starts (after LF, CRLF or a lone CR), computed once per file. */
export function lineStarts(file: ConfigFile): number[] {
  let starts = lineStartsCache.get(file);
  if (!starts) {
    starts = [0];
    const text = file.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    lineStartsCache.set(file, starts);
  }
  return starts;
}
