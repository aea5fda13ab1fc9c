/**
 * A limiter shared by every lesson `lessons:verify` checks: at most `limit` variant runs
 * (starter, solution, each mutant and alternative) are in flight at once, across lessons, so
 * a lesson with ten mutants does not hold a whole slot while a lesson with none waits.
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
