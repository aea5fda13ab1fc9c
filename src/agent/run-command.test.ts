import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './run-command.ts';

let cwd: string;
const run = (args: string[], options: { timeoutMs?: number; env?: Record<string, string> } = {}) => runCommand('node', args, { cwd, killMode: 'group', timeoutMs: 10_000, ...options });

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'run-command-'));
  await writeFile(join(cwd, 'fails.js'), "console.log('out'); console.error(process.env.GREETING); process.exit(3);");
  await writeFile(join(cwd, 'hangs.js'), "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('started');");
  await writeFile(join(cwd, 'chatty.js'), "process.stdout.write('x'.repeat(1_000_000));");
  await writeFile(join(cwd, 'math.test.js'), "import test from 'node:test'; test('adds', () => { if (1 + 1 !== 2) throw new Error('no'); });");
});

afterAll(() => rm(cwd, { recursive: true, force: true }));

describe('runCommand', () => {
  it('resolves with the exit code and output of a failing script, with the given environment', async () => {
    const result = await run(['fails.js'], { env: { GREETING: 'hi' } });
    expect(result).toMatchObject({ code: 3, signal: null, stdout: 'out\n', stderr: 'hi\n', timedOut: false });
  });

  it('kills a command that outlives its time, even one ignoring SIGTERM', async () => {
    const result = await run(['hangs.js'], { timeoutMs: 2500 });
    expect(result).toMatchObject({ timedOut: true, signal: 'SIGKILL', stdout: 'started\n' });
    expect(result.durationMs).toBeLessThan(8000);
  });

  it('keeps a bounded amount of output', async () => {
    expect((await run(['chatty.js'])).stdout.length).toBe(64 * 1024);
  });

  it('runs the learner\'s tests with node --test', async () => {
    const result = await run(['--test', 'math.test.js']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pass 1/);
  });

  it('runs only node, on workspace scripts', async () => {
    await expect(runCommand('sh', ['-c', 'id'], { cwd, killMode: 'group', timeoutMs: 1000 })).rejects.toThrow('runCommand runs only "node"');
    await expect(run(['-e', 'process.exit(0)'])).rejects.toThrow('does not pass -e to node');
    await expect(run(['--test', '--import=data:text/javascript,process.exit(0)', 'x.test.js'])).rejects.toThrow('does not pass --import=data:text/javascript,process.exit(0) to node');
    await expect(run(['/etc/passwd'])).rejects.toThrow('is an absolute path');
    await expect(run(['../outside.js'])).rejects.toThrow('leaves the workspace');
  });
});
