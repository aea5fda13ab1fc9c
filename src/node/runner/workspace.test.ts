/**
 * V5: the runner's file API stays inside the workspace without trusting the path alone — even
 * when learner code (which the page can start) helps with symlinks, hard links and a swap race —
 * and a workspace cannot grow past its byte cap through it.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../runtime/local-runtime.ts';
import { startTestRunnerServer, type TestRunnerServer } from '../../../tests/support/test-runner-server.ts';

let runner: TestRunnerServer;
let runtime: LocalRuntime;
let outside: string;
beforeEach(async () => {
  runner = await startTestRunnerServer({ maxWorkspaceBytes: 1024 * 1024 });
  runtime = await runner.connect();
  outside = `${runner.workspacesDir}/outside`;
  await writeFile(`${outside}.txt`, 'OUTSIDE');
});
afterEach(async () => {
  await runtime.dispose();
  await runner.close();
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Runs `code` as learner code (an ES module) in the workspace and waits for it to end. */
async function learner(code: string): Promise<void> {
  await runtime.writeFile('learner.mjs', `import * as fs from 'node:fs';\n${code}`);
  const process = await runtime.spawn('node', ['learner.mjs']);
  expect(await process.exit).toBe(0);
}

describe('V5: confinement that does not trust the path', () => {
  it('refuses ../, absolute paths and node_modules', async () => {
    await expect(runtime.writeFile('../escaped.txt', 'x')).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.writeFile('a/../../escaped.txt', 'x')).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.readFile('/etc/passwd')).rejects.toThrow(/absolute path/);
    await expect(runtime.mount({ 'ok.txt': 'x', '../bad.txt': 'y' })).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.readFile('ok.txt')).rejects.toThrow(/does not exist/);
    await expect(runtime.writeFile('node_modules/express/index.js', 'hacked')).rejects.toThrow(/node_modules/);
    await expect(runtime.remove('node_modules')).rejects.toThrow(/node_modules/);
    await expect(runtime.remove('.')).rejects.toThrow(/workspace itself/);
  });

  it('refuses symlinks that lead out, lead nowhere, or are the file itself', async () => {
    await learner(`fs.symlinkSync('/etc', 'etc-link'); fs.symlinkSync(${JSON.stringify(`${outside}-new`)}, 'dangling');
fs.mkdirSync('inner'); fs.writeFileSync('inner/file.txt', 'inside'); fs.symlinkSync('inner', 'dir-link'); fs.symlinkSync('inner/file.txt', 'file-link');`);
    await expect(runtime.readFile('etc-link/passwd')).rejects.toThrow(/symlink that leads out/);
    await expect(runtime.writeFile('etc-link/evil', 'x')).rejects.toThrow(/symlink that leads out/);
    await expect(runtime.writeFile('dangling', 'x')).rejects.toThrow(/symlink to something that does not exist/);
    expect(existsSync(`${outside}-new`)).toBe(false);
    await expect(runtime.readFile('file-link')).rejects.toThrow(/is a symlink/);
    expect(text(await runtime.readFile('dir-link/file.txt'))).toBe('inside');
  });

  it('refuses a hard link that learner code made to a file outside', async () => {
    await learner(`fs.linkSync(${JSON.stringify(`${outside}.txt`)}, 'hard.txt');`);
    await expect(runtime.readFile('hard.txt')).rejects.toThrow(/2 hard links/);
    await expect(runtime.writeFile('hard.txt', 'pwned')).rejects.toThrow(/2 hard links/);
    expect(await readFile(`${outside}.txt`, 'utf8')).toBe('OUTSIDE');
  });

  it('never reads or writes outside while learner code swaps a folder for a symlink', async () => {
    await learner(`fs.mkdirSync(${JSON.stringify(`${outside}-dir`)}); fs.writeFileSync(${JSON.stringify(`${outside}-dir/secret.txt`)}, 'OUTSIDE');
fs.mkdirSync('real'); fs.writeFileSync('real/secret.txt', 'inside'); fs.symlinkSync('real', 'swap');`);
    // Flips \`swap\` between the inside folder and a link out, as fast as it can, for at most 20 s.
    await runtime.writeFile(
      'swapper.mjs',
      `import * as fs from 'node:fs';
const until = Date.now() + 20000;
while (Date.now() < until) {
  fs.rmSync('swap', { recursive: true, force: true }); fs.symlinkSync(${JSON.stringify(`${outside}-dir`)}, 'swap');
  fs.rmSync('swap', { recursive: true, force: true }); fs.symlinkSync('real', 'swap');
}`,
    );
    const swapper = await runtime.spawn('node', ['swapper.mjs']);
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 600; attempt++) {
      seen.add(await runtime.readFile('swap/secret.txt').then(text, () => 'refused'));
      await runtime.writeFile('swap/secret.txt', 'pwned').catch(() => undefined);
    }
    swapper.kill();
    await swapper.exit;
    expect(seen.has('inside')).toBe(true);
    expect(seen.has('OUTSIDE')).toBe(false);
    expect(await readFile(`${outside}-dir/secret.txt`, 'utf8')).toBe('OUTSIDE');
  });

  it('caps the bytes a workspace holds, with a clear error', async () => {
    await runtime.writeFile('data.bin', new Uint8Array(600 * 1024));
    await expect(runtime.writeFile('more.bin', new Uint8Array(600 * 1024))).rejects.toThrow(/would grow the workspace to 2 MiB, over its 1 MiB limit; delete some files/);
    await runtime.writeFile('data.bin', new Uint8Array(900 * 1024)); // replacing counts the old size out
    await expect(runtime.mount({ 'a.bin': new Uint8Array(200 * 1024) })).rejects.toThrow(/over its 1 MiB limit/);
    await expect(runtime.readFile('a.bin')).rejects.toThrow(/does not exist/);
  });
});
