import { describe, expect, it } from 'vitest';
import type { AssessmentRecord } from '../../progress/assessment.ts';
import { AssessmentStore } from './assessment-store.ts';

function memory(initial: Record<string, AssessmentRecord> = {}) {
  const written: AssessmentRecord[] = [];
  return { written, readAll: async () => initial, write: async (record: AssessmentRecord) => void written.push(record) };
}

describe('AssessmentStore', () => {
  it('starts the clock on first open only, counts attempts and submits, saving each change', async () => {
    let minute = 0;
    const storage = memory();
    const store = new AssessmentStore(storage, () => new Date(Date.UTC(2026, 0, 1, 0, minute)));
    await store.open('t/a');
    minute = 5;
    await store.open('t/a');
    await store.recordAttempt('t/a', [{ id: 'x', title: 'X', status: 'fail', message: 'no', durationMs: 1 }]);
    minute = 8;
    await store.submit('t/a');
    const record = store.records.value['t/a'];
    expect(record).toMatchObject({ startedAt: '2026-01-01T00:00:00.000Z', submittedAt: '2026-01-01T00:08:00.000Z', attempts: [{ at: '2026-01-01T00:05:00.000Z', passed: 0, total: 1 }] });
    expect(storage.written).toHaveLength(3);
    expect(storage.written.at(-1)).toBe(record);
  });

  it('keeps records read from storage and reports a storage that fails', async () => {
    const saved: AssessmentRecord = { lessonId: 't/a', startedAt: '2026-01-01T00:00:00.000Z', attempts: [] };
    const store = new AssessmentStore({ readAll: async () => ({ 't/a': saved }), write: () => Promise.reject(new Error('quota')) });
    await store.open('t/a');
    expect(store.records.value['t/a']).toBe(saved);
    await store.submit('t/a');
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.problem.value).toBe('Assessment results could not be saved in this browser: quota');
  });
});
