/** The smallest index below `count` for which `test` holds, when it holds from some index on (else `count`). */
export function firstIndexWhere(count: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
