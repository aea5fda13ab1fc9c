import { describe, expect, it } from 'vitest';
import { assembleResults, failed } from './results.ts';
import { renderNotes, renderTable, replaceBetweenMarkers } from './table.ts';
import type { Machine } from './machine.ts';
import { METRICS } from './metrics.ts';

const machine: Machine = { cores: 2, cpuModel: 'Test CPU', memoryGb: 4, node: 'v20.19.0', os: 'Linux', chromium: null, loadAverage1m: { atStart: 0.5, atEnd: 0.7 } };

describe('results and the Markdown table', () => {
  const results = assembleResults(
    {
      lessonTextVisibleMs: { ok: true, samples: [420, 380, 2000] },
      checkRunMs: { ok: true, samples: [900, 950, 1000], note: 'slow: each check restarts the server' },
      serverReadyMs: { ok: true, samples: [700, 750, 790], floor: { what: 'node + express', value: 250 } },
      restartReadyMs: { ok: true, samples: [200, 210, 220], floor: { what: 'node + express', value: 100 } },
      sqlJsVsNativeRatio: { ok: true, samples: [1.2, 2, 1.5], headline: 1.4 },
      sqlRunMs: failed('no Run button yet'),
    },
    machine,
    new Date('2026-11-22T04:30:00Z'),
    [],
    { lessonTextVisibleMs: { atStart: 0.4, atEnd: 1.2 } },
  );

  it('judges the median against the budget, and leaves unmeasured metrics null with their note', () => {
    expect(results.metrics.lessonTextVisibleMs).toMatchObject({ median: 420, min: 380, max: 2000, budget: 1000, withinBudget: true });
    expect(results.metrics.checkRunMs).toMatchObject({ median: 950, withinBudget: false, floor: null, floorRatio: null });
    expect(results.metrics.sqlRunMs).toBeNull();
    expect(results.notes.sqlRunMs).toBe('no Run button yet');
    expect(results.metrics.verifyAllSeconds).toBeNull();
    expect(results.notes.verifyAllSeconds).toBe('not measured in this run');
  });

  it('puts the floor beside a metric and judges a ratio cap as part of the budget', () => {
    // 750 ms is under the 800 ms budget but 3× the floor, above the 2.5× cap.
    expect(results.metrics.serverReadyMs).toMatchObject({ median: 750, floor: { what: 'node + express', value: 250 }, floorRatio: 3, maxFloorRatio: 2.5, withinBudget: false });
    // A metric without a ratio cap is judged on its budget alone, whatever its ratio.
    expect(results.metrics.restartReadyMs).toMatchObject({ median: 210, floorRatio: 2.1, maxFloorRatio: null, withinBudget: true });
  });

  it('uses the headline instead of the median when a measurer gives one, and has no verdict without a budget', () => {
    expect(results.metrics.sqlJsVsNativeRatio).toMatchObject({ median: 1.4, min: 1.2, max: 2, budget: null, withinBudget: null });
  });

  it('renders one row per metric with units, budget and verdict', () => {
    const table = renderTable(results).split('\n');
    expect(table[0]).toBe('| metric | median | min | max | floor | × floor | budget | within budget? | load avg |');
    expect(table).toContain('| `lessonTextVisibleMs` | 420 ms | 380 ms | 2000 ms | — | — | ≤ 1000 ms | yes | 0.4 → 1.2 |');
    expect(table).toContain('| `serverReadyMs` | 750 ms | 700 ms | 790 ms | 250 ms (node + express) | 3.0× | ≤ 800 ms and ≤ 2.5× floor | **no** | — |');
    expect(table).toContain('| `checkRunMs` | 950 ms | 900 ms | 1000 ms | — | — | ≤ 500 ms | **no** | — |');
    expect(table).toContain('| `sqlJsVsNativeRatio` | 1.40× | 1.20× | 2.00× | — | — | — | — | — |');
    expect(table).toContain('| `sqlRunMs` | — | — | — | — | — | ≤ 50 ms | not measured | — |');
    expect(table).toHaveLength(2 + METRICS.length);
    expect(renderNotes(results)).toContain('- `checkRunMs`: slow: each check restarts the server');
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only what lies between the markers, keeping the text around them', () => {
    const readme = 'intro\n<!-- bench-table:start -->\nold table\n<!-- bench-table:end -->\nhand-written notes';
    expect(replaceBetweenMarkers(readme, 'new table')).toBe('intro\n<!-- bench-table:start -->\nnew table\n<!-- bench-table:end -->\nhand-written notes');
    expect(replaceBetweenMarkers('no markers', 'x')).toBeUndefined();
  });
});
