import { describe, expect, it } from 'vitest';
import { loadCurriculum } from './load-curriculum.ts';

// Loading the whole curriculum compiles every checks.ts: slow on a busy 2-core machine.
describe('type-checking checks.ts', { timeout: 180_000 }, () => {
  it('turns a misspelt option into an error at checks.ts:line:col, and the lesson does not load', async () => {
    const { lessons, errors, tracks } = await loadCurriculum('tests/fixtures/typecheck-lessons', { typecheck: true });
    expect(lessons).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'tests/fixtures/typecheck-lessons/01-demo/01-typo/checks.ts',
        line: 8,
        column: 71,
        message: expect.stringMatching(/^type error: Object literal may only specify known properties, but 'stauts' does not exist in type 'HttpExpectation'. Did you mean to write 'status'?/),
      },
    ]);
    expect(tracks[0]?.lessons[0]?.error?.line).toBe(8);
  });

  it('is skipped unless asked for (dev reloads stay fast), and passes the real curriculum', async () => {
    expect((await loadCurriculum('tests/fixtures/typecheck-lessons')).errors).toEqual([]);
    const real = await loadCurriculum('lessons', { typecheck: true });
    expect(real.errors.filter((error) => error.message.startsWith('type error'))).toEqual([]);
  });
});
