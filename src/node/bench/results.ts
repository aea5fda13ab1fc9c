/**
 * The shape of `bench/results.json` and how measurer outcomes become it. A metric whose
 * feature is missing (or whose measurement failed) is `null` with a note saying why: the
 * bench never invents a number.
 */
import { METRICS, type MetricKey, type Unit } from './metrics.ts';
import { summarize, round, type Summary } from './stats.ts';
import type { Machine } from './machine.ts';

/** What a measurer hands back for one metric. */
export type Outcome =
  | {
      ok: true;
      samples: number[];
      /** When the headline number is not the median of the samples (a ratio of medians). */
      headline?: number;
      note?: string;
      details?: Record<string, unknown>;
    }
  | { ok: false; note: string; details?: Record<string, unknown> };

export interface MetricResult extends Summary {
  unit: Unit;
  budget: number | null;
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

export function assembleResults(outcomes: Partial<Record<MetricKey, Outcome>>, machine: Machine, generatedAt: Date, warnings: string[] = []): BenchResults {
  const results: BenchResults = { generatedAt: generatedAt.toISOString(), machine, metrics: {} as BenchResults['metrics'], notes: {}, details: {}, warnings };
  for (const { key, unit, budget } of METRICS) {
    const outcome = outcomes[key] ?? failed('not measured in this run');
    if (outcome.note) results.notes[key] = outcome.note;
    if (outcome.details) results.details[key] = outcome.details;
    if (!outcome.ok) {
      results.metrics[key] = null;
      continue;
    }
    const summary = summarize(outcome.samples);
    if (outcome.headline !== undefined) summary.median = round(outcome.headline);
    results.metrics[key] = { ...summary, unit, budget: budget ?? null, withinBudget: budget === undefined ? null : summary.median <= budget };
  }
  return results;
}
