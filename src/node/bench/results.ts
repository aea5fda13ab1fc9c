/**
 * The shape of `bench/results.json` and how measurer outcomes become it. A metric whose
 * feature is missing (or whose measurement failed) is `null` with a note saying why: the
 * bench never invents a number.
 */
import { METRICS, type MetricKey, type Unit } from './metrics.ts';
import { summarize, round, type Summary } from './stats.ts';
import type { Machine } from './machine.ts';

/** What the same work costs with nothing of ours around it (e.g. `node` loading express), in the metric's unit. */
export interface Floor {
  /** What was timed, for the table: "node + express". */
  what: string;
  value: number;
}

/** What a measurer hands back for one metric. */
export type Outcome =
  | {
      ok: true;
      samples: number[];
      /** When the headline number is not the median of the samples (a ratio of medians). */
      headline?: number;
      floor?: Floor;
      note?: string;
      details?: Record<string, unknown>;
    }
  | { ok: false; note: string; details?: Record<string, unknown> };

export interface MetricResult extends Summary {
  unit: Unit;
  budget: number | null;
  /** The budget's cap on median ÷ floor, or `null`. */
  maxFloorRatio: number | null;
  floor: Floor | null;
  /** median ÷ floor, or `null` without a floor. */
  floorRatio: number | null;
  /** `null` when the metric has no budget. */
  withinBudget: boolean | null;
}

export interface BenchResults {
  generatedAt: string;
  machine: Machine;
  metrics: Record<MetricKey, MetricResult | null>;
  /** Why a metric is null, missed its budget, or how it was measured when that matters. */
  notes: Partial<Record<MetricKey, string>>;
  /** Per-metric evidence: lessons used, chunk sizes, per-query timings… */
  details: Partial<Record<MetricKey, Record<string, unknown>>>;
  /** Things that make the numbers suspect, e.g. the app trying to reach another host. */
  warnings: string[];
  /** The machine's 1-minute load average when each metric's measurement began and ended (others sharing the CPU show here). */
  loadAverage1m: Partial<Record<MetricKey, LoadSpan>>;
}

export interface LoadSpan {
  atStart: number;
  atEnd: number;
}

export function failed(note: string, details?: Record<string, unknown>): Outcome {
  return details ? { ok: false, note, details } : { ok: false, note };
}

/**
 * The outcome of a metric measured over several runs that may stop early: fewer runs get a
 * note saying why; no run at all is a failure that says what could not be timed.
 */
export function fromRuns(samples: number[], problem: string | undefined, details: Record<string, unknown>, whatFailed: string): Outcome {
  if (samples.length === 0) return failed(`${whatFailed}: ${problem ?? 'no run finished'}`, details);
  return problem ? { ok: true, samples, note: `only ${samples.length} runs: ${problem}`, details } : { ok: true, samples, details };
}

/** The same outcome with more evidence in its details. */
export function withDetails(outcome: Outcome, extra: Record<string, unknown>): Outcome {
  return { ...outcome, details: { ...outcome.details, ...extra } };
}

/** The same outcome with a floor beside it (a failed outcome stays as it is). */
export function withFloor(outcome: Outcome, floor: Floor | undefined): Outcome {
  return outcome.ok && floor && floor.value > 0 ? { ...outcome, floor } : outcome;
}

export function assembleResults(
  outcomes: Partial<Record<MetricKey, Outcome>>,
  machine: Machine,
  generatedAt: Date,
  warnings: string[] = [],
  loadAverage1m: Partial<Record<MetricKey, LoadSpan>> = {},
): BenchResults {
  const results: BenchResults = { generatedAt: generatedAt.toISOString(), machine, metrics: {} as BenchResults['metrics'], notes: {}, details: {}, warnings, loadAverage1m };
  for (const { key, unit, budget, maxFloorRatio } of METRICS) {
    const outcome = outcomes[key] ?? failed('not measured in this run');
    if (outcome.note) results.notes[key] = outcome.note;
    if (outcome.details) results.details[key] = outcome.details;
    if (!outcome.ok) {
      results.metrics[key] = null;
      continue;
    }
    const summary = summarize(outcome.samples);
    if (outcome.headline !== undefined) summary.median = round(outcome.headline);
    const floor = outcome.floor ?? null;
    const floorRatio = floor ? round(summary.median / floor.value) : null;
    // A ratio cap with no floor measured cannot be judged: the absolute budget alone decides.
    const withinRatio = maxFloorRatio === undefined || floorRatio === null || floorRatio <= maxFloorRatio;
    results.metrics[key] = {
      ...summary,
      unit,
      budget: budget ?? null,
      maxFloorRatio: maxFloorRatio ?? null,
      floor,
      floorRatio,
      withinBudget: budget === undefined ? null : summary.median <= budget && withinRatio,
    };
  }
  return results;
}
