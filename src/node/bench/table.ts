/** Renders bench results as the Markdown table printed by `npm run bench` and kept in the README. */
import { METRICS, type MetricKey, type Unit } from './metrics.ts';
import type { BenchResults } from './results.ts';

/** Enough digits to compare against the budget, no false precision. */
function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value >= 100 ? value.toFixed(0) : value.toFixed(1);
    case '×':
      return value.toFixed(2);
    default:
      return value.toFixed(1);
  }
}

function withUnit(value: number, unit: Unit): string {
  const text = formatValue(value, unit);
  return unit === '×' ? `${text}×` : unit === '%' ? `${text} %` : `${text} ${unit}`;
}

function budgetCell({ budget, unit, maxFloorRatio }: (typeof METRICS)[number]): string {
  if (budget === undefined) return '—';
  return maxFloorRatio === undefined ? `≤ ${budget} ${unit}` : `≤ ${budget} ${unit} and ≤ ${maxFloorRatio}× floor`;
}

/** The floor and the median's ratio to it: what the same work costs with nothing of ours around it. */
function floorCells(result: BenchResults['metrics'][MetricKey], unit: Unit): [string, string] {
  // Results saved before floors existed have no such fields.
  const floor = result?.floor ?? null;
  if (!floor || result?.floorRatio == null) return ['—', '—'];
  return [`${withUnit(floor.value, unit)} (${floor.what})`, `${result.floorRatio.toFixed(1)}×`];
}

export function renderTable(results: BenchResults): string {
  const lines = ['| metric | median | min | max | floor | × floor | budget | within budget? | load avg |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |'];
  for (const metric of METRICS) {
    const { key, unit } = metric;
    const result = results.metrics[key];
    // Results saved before loads were recorded per metric have none.
    const span = results.loadAverage1m?.[key];
    const load = span ? `${span.atStart} → ${span.atEnd}` : '—';
    if (!result) {
      lines.push(`| \`${key}\` | — | — | — | — | — | ${budgetCell(metric)} | not measured | ${load} |`);
      continue;
    }
    const verdict = result.withinBudget === null ? '—' : result.withinBudget ? 'yes' : '**no**';
    const [floor, ratio] = floorCells(result, unit);
    lines.push(`| \`${key}\` | ${withUnit(result.median, unit)} | ${withUnit(result.min, unit)} | ${withUnit(result.max, unit)} | ${floor} | ${ratio} | ${budgetCell(metric)} | ${verdict} | ${load} |`);
  }
  return lines.join('\n');
}

/** The notes under the table: why a metric is missing or how it was measured, then any warning. */
export function renderNotes(results: BenchResults): string {
  const notes = METRICS.filter(({ key }) => results.notes[key]).map(({ key }) => `- \`${key}\`: ${results.notes[key]}`);
  const warnings = (results.warnings ?? []).map((warning) => `- Warning: ${warning}`);
  return [...notes, ...warnings].join('\n');
}

export function renderMachine(results: BenchResults): string {
  const { machine } = results;
  return `Measured ${results.generatedAt.slice(0, 10)} on ${machine.cores} × ${machine.cpuModel}, ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}, ${machine.chromium ?? 'no browser run'}; load average ${machine.loadAverage1m.atStart} at start, ${machine.loadAverage1m.atEnd} at end.`;
}

/** The README's Benchmarks section keeps the generated part between these, so hand-written notes around it survive. */
export const README_MARKERS = { start: '<!-- bench-table:start -->', end: '<!-- bench-table:end -->' } as const;

/** `text` with what lies between the markers replaced by `content`; `undefined` when the markers are missing. */
export function replaceBetweenMarkers(text: string, content: string): string | undefined {
  const start = text.indexOf(README_MARKERS.start);
  const end = text.indexOf(README_MARKERS.end, start);
  if (start < 0 || end < 0) return undefined;
  return `${text.slice(0, start + README_MARKERS.start.length)}\n${content}\n${text.slice(end)}`;
}
