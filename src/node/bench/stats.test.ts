import { describe, expect, it } from 'vitest';
import { median, summarize } from './stats.ts';

describe('median and summarize', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('keeps min, max, run count and the samples in measured order, rounded to 2 decimals', () => {
    expect(summarize([12.3456, 10, 30.001])).toEqual({ median: 12.35, min: 10, max: 30, runs: 3, samples: [12.35, 10, 30] });
  });

  it('refuses no runs and non-numbers instead of reporting NaN', () => {
    expect(() => summarize([])).toThrow(/no runs/);
    expect(() => summarize([1, Number.NaN])).toThrow(/NaN/);
  });
});
