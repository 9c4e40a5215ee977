/** How a list differs from an earlier version: its first `head` and last `tail` items are the same objects. */
export interface ListChange {
  head: number;
  tail: number;
}

/** The common head and tail of two versions of a list, compared by identity (they never overlap). */
export function identicalEnds<T>(before: readonly T[], after: readonly T[]): ListChange {
  const max = Math.min(before.length, after.length);
  let head = 0;
  while (head < max && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < max - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { head, tail };
}
