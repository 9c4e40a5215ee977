/**
 * Edit distance between two strings counting insertions, deletions, substitutions and swaps of two
 * neighbouring characters (optimal string alignment, a restricted Damerau-Levenshtein distance).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `name`, or undefined when none is close enough to be a likely typo: at most a
 * third of the name's length in edits (at least one; names under three characters only match by letter
 * case), compared case-insensitively first. A `SECTION/NAME`
 * candidate (a peers table) matches a bare NAME.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const unique = [...new Set(candidates)];
  const qualified = unique.filter((candidate) => candidate.endsWith(`/${name}`));
  if (qualified.length === 1) return qualified[0];
  const limit = name.length < 3 ? 0.5 : Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of unique) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
