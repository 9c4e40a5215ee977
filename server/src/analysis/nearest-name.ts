import { editDistance } from '../model/catalog';

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
