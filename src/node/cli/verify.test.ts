import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../app-server.ts';

const run = promisify(execFile);

describe('lessons:verify', () => {
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
    expect(printed.lessons[0]).toEqual({ id: 'apis/first-route', kind: 'server', starter: { passed: expect.any(Number), failed: expect.any(Number) }, solution: { passed: expect.any(Number), failed: 0 }, ok: true });
  });
});
