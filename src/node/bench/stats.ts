/** Median, min and max of a metric's runs: every number the bench reports is one of these. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many runs the summary covers. */
  runs: number;
  /** Every run, in the order measured, so a reader can see the spread. */
  samples: number[];
}

/** Two decimals are more than any of our clocks resolve. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('cannot summarize a metric with no runs');
  const bad = samples.find((value) => !Number.isFinite(value));
  if (bad !== undefined) throw new Error(`a run measured ${bad}, not a number`);
  return {
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    runs: samples.length,
    samples: samples.map((value) => round(value)),
  };
}
