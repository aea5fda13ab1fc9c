/** What every measurement gets from the CLI: where to log, and how many runs to do. */
export interface BenchContext {
  log(line: string): void;
  /** The run count for a metric: `normal`, or 1 under `--quick` (a smoke test of the harness). */
  runs(normal: number): number;
}

export function benchContext(log: (line: string) => void, quick: boolean): BenchContext {
  return { log, runs: (normal) => (quick ? 1 : normal) };
}
