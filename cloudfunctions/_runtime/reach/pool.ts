/**
 * Runs `task` over `items` with at most `limit` in flight and returns the results in input order.
 * Channels that call once per recipient (WeChat subscribe messages) use it so a 5,000-member reminder
 * neither runs one call at a time nor opens 5,000 sockets at once.
 */
export async function mapPooled<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** Splits `items` into consecutive chunks of at most `size` (WeCom 1,000 per call, SMS 200). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
