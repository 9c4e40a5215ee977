import { sectionKeywords } from './catalog';
import type { CatalogSection } from './types';
import type { HaproxyVersion } from './versions';

/** Edit distance with transpositions (optimal string alignment), capped early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** The names closest to `text` (at most a third of its length in edits), best first. */
export function closestNames(text: string, names: Iterable<string>, limit = 3): string[] {
  const max = Math.max(1, Math.floor(text.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const name of names) {
    if (name === text) continue;
    const d = editDistance(text, name, max);
    if (d <= max) scored.push({ name, d });
  }
  scored.sort((x, y) => x.d - y.d || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/**
 * Did-you-mean candidates for an unknown line of `section`: keywords of that section in `version`
 * whose name is close to the leading words (`balanse` -> `balance`, `option forwardfr` -> `option forwardfor`).
 */
export function suggestKeywords(section: CatalogSection, words: readonly string[], version: HaproxyVersion, limit = 3): string[] {
  const byLength = new Map<number, string[]>();
  for (const entry of sectionKeywords(section, version)) {
    const list = byLength.get(entry.words.length);
    if (list) list.push(entry.name);
    else byLength.set(entry.words.length, [entry.name]);
  }
  const scored: { name: string; d: number }[] = [];
  for (const [count, names] of byLength) {
    if (count > words.length) continue;
    const text = words.slice(0, count).join(' ');
    for (const name of closestNames(text, names, limit)) scored.push({ name, d: editDistance(text, name) });
  }
  scored.sort((x, y) => x.d - y.d || y.name.split(' ').length - x.name.split(' ').length || x.name.localeCompare(y.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}
