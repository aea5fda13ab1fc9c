/**
 * A limiter shared by every lesson `lessons:verify` checks: at most `limit` variant runs
 * (starter, solution, each mutant and alternative) are in flight at once, across lessons, so
 * a lesson with ten mutants does not hold a whole slot while a lesson with none waits.
 *
 * Waiting tasks start in order of their `cost` (an estimate of how long they run), largest
 * first, and in the order given among equals: the long runs start early and the end of a
 * verify is a few short runs finishing together, not one long run started last (first-in
 * first-out had a 14-mutant assessment start minutes in and finish alone). Tasks given in the
 * same turn of the event loop are all ranked before any of them starts.
 */
export type Limiter = <T>(task: () => Promise<T>, cost?: number) => Promise<T>;

interface Waiting {
  cost: number;
  start(): void;
}

export function createLimiter(limit: number): Limiter {
  let running = 0;
  let pumpQueued = false;
  // Sorted: largest cost first, then first come.
  const waiting: Waiting[] = [];
  const pump = (): void => {
    pumpQueued = false;
    while (running < limit && waiting.length > 0) {
      running += 1;
      waiting.shift()?.start();
    }
  };
  const queuePump = (): void => {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(pump);
  };
  return <T>(task: () => Promise<T>, cost = 0): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            queuePump();
          });
      };
      const at = waiting.findIndex((other) => other.cost < cost);
      waiting.splice(at === -1 ? waiting.length : at, 0, { cost, start });
      queuePump();
    });
}
