import { describe, expect, it } from 'vitest';
import type { CheckResult, CheckRunSummary } from '../../checks/result.ts';
import { summarize } from '../../checks/result.ts';
import type { Lesson } from '../../lessons/types.ts';
import { CheckRunStore, type ExecuteChecks } from './check-run-store.ts';

const lesson = { id: 'l1', meta: { mode: 'lesson' } } as unknown as Lesson;
const result = (id: string, status: CheckResult['status']): CheckResult => ({ id, title: id, status, message: '', durationMs: 1 });

function setUp() {
  const said: string[] = [];
  return { said, store: new CheckRunStore((text) => said.push(text)) };
}

describe('CheckRunStore', () => {
  it('shows results as they stream in, then the summary, and says whether all passed', async () => {
    const { store, said } = setUp();
    const seen: number[] = [];
    const execute: ExecuteChecks = async (onResult) => {
      onResult(result('a', 'pass'));
      seen.push(Object.keys(store.results.peek()).length);
      return summarize([result('a', 'pass'), result('b', 'fail')]);
    };
    expect(await store.run(lesson, execute, new AbortController().signal)).toBe(false);
    expect(seen).toEqual([1]);
    expect(Object.keys(store.results.value)).toEqual(['a', 'b']);
    expect(store.running.value).toBe(false);
    expect(said).toEqual(['Running checks…', '1 of 2 checks passed.']);
  });

  it('reports a run that could not happen as a problem, not as results', async () => {
    const { store, said } = setUp();
    expect(await store.run(lesson, () => Promise.reject(new Error('agent gone')), new AbortController().signal)).toBe(false);
    expect(store.problem.value).toBe('The checks could not run: agent gone');
    expect(said.at(-1)).toBe('The checks could not run: agent gone');
  });

  it('drops everything of a run whose lesson was left meanwhile', async () => {
    const { store, said } = setUp();
    const lessonWork = new AbortController();
    let finish!: (summary: CheckRunSummary) => void;
    let report!: (result: CheckResult) => void;
    const running = store.run(lesson, (onResult) => ((report = onResult), new Promise((resolve) => (finish = resolve))), lessonWork.signal);
    lessonWork.abort();
    store.clear();
    report(result('a', 'pass'));
    finish(summarize([result('a', 'pass')]));
    expect(await running).toBeUndefined();
    expect(store.results.value).toEqual({});
    expect(said).toEqual(['Running checks…']);
  });
});
