import { describe, expect, it } from 'vitest';
import { verifiedCounts } from './verify-time.ts';

describe('verifiedCounts', () => {
  it('counts lessons, mutants and alternatives from the `--json` report, after any noise before it', () => {
    const report = {
      ok: false,
      lessons: [
        { id: 'apis/a', ok: true, mutants: [{}, {}], alternatives: [{}], seconds: 40, runSeconds: 3.5 },
        { id: 'apis/b', ok: false, mutants: [{}], alternatives: [], seconds: 30, runSeconds: 9 },
        { id: 'sql/c', ok: true, seconds: 50, runSeconds: 1 },
      ],
    };
    expect(verifiedCounts(`> npm noise\n${JSON.stringify(report)}`)).toEqual({
      lessons: 3,
      mutants: 3,
      alternatives: 1,
      failing: ['apis/b'],
      slowest: [
        { id: 'apis/b', seconds: 9 },
        { id: 'apis/a', seconds: 3.5 },
        { id: 'sql/c', seconds: 1 },
      ],
    });
  });

  it('gives up on output that is not a report', () => {
    expect(verifiedCounts('Error: something broke')).toBeUndefined();
    expect(verifiedCounts('{"ok":true}')).toBeUndefined();
  });
});
