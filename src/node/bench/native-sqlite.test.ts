import { describe, expect, it } from 'vitest';
import { parseTimerOutput } from './native-sqlite.ts';

describe('sqlite3 .timer output', () => {
  it('reads real and CPU (user + sys) time per statement, in order, ignoring result rows', () => {
    const output = ['1|Grace', 'Run Time: real 0.012 user 0.009500 sys 0.000500', '42', 'Run Time: real 0.000 user 0.000089 sys 0.000000', ''].join('\n');
    const times = parseTimerOutput(output);
    expect(times).toHaveLength(2);
    expect(times[0]!.realMs).toBeCloseTo(12);
    expect(times[0]!.cpuMs).toBeCloseTo(10);
    expect(times[1]!.realMs).toBe(0);
  });
});
