import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../app-server.ts';

const run = promisify(execFile);

// Each test runs the real CLI (tsx, the agent bundle, real servers): slow on a busy 2-core machine.
describe('lessons:verify', { timeout: 180_000 }, () => {
  it('with a filter matching nothing: prints exactly {ok, lessons: []} and writes the same JSON to --report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-test-'));
    try {
      const report = join(dir, 'nested', 'verify.json');
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/node/cli/verify.ts', '--json', '--filter', 'no-such-lesson-xyz', `--report=${report}`], { cwd: REPO_ROOT }).catch(
        // A broken track elsewhere makes the exit code 1; the JSON is still printed.
        (error: { stdout: string }) => ({ stdout: error.stdout }),
      );
      const printed = JSON.parse(stdout) as { ok: boolean; lessons: unknown[] };
      expect(printed.lessons).toEqual([]);
      expect(Object.keys(printed)).toEqual(['ok', 'lessons']);
      expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual(printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('verifies a real lesson and prints the exact JSON shape', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/node/cli/verify.ts', '--json', '--filter', 'apis/first-route'], { cwd: REPO_ROOT }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const printed = JSON.parse(stdout) as { lessons: Record<string, unknown>[] };
    expect(printed.lessons).toHaveLength(1);
    expect(printed.lessons[0]).toEqual({
      id: 'apis/first-route',
      kind: 'server',
      starter: { passed: expect.any(Number), failed: expect.any(Number) },
      solution: { passed: expect.any(Number), failed: 0 },
      mutants: expect.any(Array),
      alternatives: expect.any(Array),
      ok: true,
      problems: [],
      seconds: expect.any(Number),
      runSeconds: expect.any(Number),
      slowest: { variant: expect.any(String), check: expect.any(String), ms: expect.any(Number) },
    });
  });

  it('fails a lesson whose mutant passes the check it names, says why, and reports caught mutants and alternatives', async () => {
    const fixture = join(REPO_ROOT, 'tests/fixtures/verify-lessons');
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/node/cli/verify.ts', '--json', `--lessons=${fixture}`], { cwd: REPO_ROOT }).then(
      () => undefined,
      (error: { stdout: string; code: number }) => error,
    );
    expect(failed?.code).toBe(1);
    const printed = JSON.parse(failed?.stdout ?? '{}') as { ok: boolean; lessons: { mutants: unknown[]; alternatives: unknown[]; problems: string[]; ok: boolean }[] };
    expect(printed.ok).toBe(false);
    const [lesson] = printed.lessons;
    expect(lesson?.ok).toBe(false);
    expect(lesson?.mutants).toEqual([
      { name: 'uncaught-extra-field', why: expect.any(String), mustFail: ['hello-status'], failed: [], ok: false },
      { name: 'wrong-message', why: 'answers Hi instead of Hello', mustFail: ['hello-message'], failed: ['hello-message'], ok: true },
    ]);
    expect(lesson?.alternatives).toEqual([{ name: 'router', ok: true }]);
    expect(lesson?.problems).toEqual([expect.stringMatching(/^mutant "uncaught-extra-field" .* passes "hello-status", which it must fail: that rule is stated but not graded/)]);
  });

  it('--help explains the rules instead of crashing', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/node/cli/verify.ts', '--help'], { cwd: REPO_ROOT });
    expect(stdout).toContain('every mutant (mutants/<name>/');
    expect(stdout).toContain('--filter <text>');
  });
});
