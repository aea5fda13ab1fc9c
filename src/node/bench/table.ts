/** Renders bench results as the Markdown table printed by `npm run bench` and kept in the README. */
import { METRICS, type Unit } from './metrics.ts';
import type { BenchResults } from './results.ts';

/** Enough digits to compare against the budget, no false precision. */
export function formatValue(value: number, unit: Unit): string {
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

export function renderTable(results: BenchResults): string {
  const lines = ['| metric | median | min | max | budget | within budget? |', '| --- | ---: | ---: | ---: | ---: | :---: |'];
  for (const { key, unit, budget } of METRICS) {
    const result = results.metrics[key];
    const budgetCell = budget === undefined ? '—' : `≤ ${budget} ${unit}`;
    if (!result) {
      lines.push(`| \`${key}\` | — | — | — | ${budgetCell} | not measured |`);
      continue;
    }
    const verdict = result.withinBudget === null ? '—' : result.withinBudget ? 'yes' : '**no**';
    lines.push(`| \`${key}\` | ${withUnit(result.median, unit)} | ${withUnit(result.min, unit)} | ${withUnit(result.max, unit)} | ${budgetCell} | ${verdict} |`);
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
