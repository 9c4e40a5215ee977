/** Runs `work` over `items` with at most `limit` running at once; HAProxy start-up is CPU-bound. */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** How many scenarios run at once. */
export const PARALLEL_SCENARIOS = 4;
