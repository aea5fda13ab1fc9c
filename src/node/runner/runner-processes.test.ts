/**
 * Learner processes under the runner: only `node` on workspace scripts with a runner-built
 * environment (V6), contained so nothing outlives its workspace (V3), cleaned up on every
 * signal and swept at the next start (V2), and unable to change the dependencies (V4).
 * Processes are recognised on the host by a unique `sleep` duration in their command line
 * (pids printed inside a PID namespace are not host pids). Linux only where /proc is needed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseRuntime } from '../../runtime/choose-runtime.ts';
import type { LocalRuntime } from '../../runtime/local-runtime.ts';
import { readAll } from '../../../tests/support/runtime-contract.ts';
import { signedInOptions, signedInRuntime, startTestRunnerServer, type TestRunnerServer } from '../../../tests/support/test-runner-server.ts';
import { REPO_ROOT } from '../app-server.ts';
import { detectContainment } from './process-containment.ts';
import { RUNNER_OWNER_ENV } from './spawn-allow-list.ts';
import { prepareTemplateDependencies } from './template-dependencies.ts';

const linux = process.platform === 'linux';
const namespaces = linux && detectContainment([tmpdir()]).kind === 'pid-namespace';

let runner: TestRunnerServer;
beforeEach(async () => {
  runner = await startTestRunnerServer();
});
afterEach(async () => {
  await runner.close();
});

const uniqueSleep = () => `${1000 + Math.floor(Math.random() * 1000)}.${Date.now() % 100000}`;

/** Host pids of live (not zombie) `sleep <marker>` processes. */
function sleepers(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8') !== `sleep\0${marker}\0`) continue;
      if (!/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${name}/stat`, 'utf8'))) found.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Learner code that starts three sleepers — in the group, in the background, and escaped with setsid. */
const TREE_SCRIPT = `import { spawn } from 'node:child_process';
const marker = process.argv[2];
spawn('sh', ['-c', 'sleep ' + marker + ' & setsid sleep ' + marker + ' & sleep ' + marker + ' & wait'], { stdio: 'ignore' });
setInterval(() => {}, 1000);`;

/** The V3 exactly: \`setsid sleep &\` from learner code, which then ends on its own. */
const ESCAPE_SCRIPT = `import { spawn } from 'node:child_process';
spawn('sh', ['-c', 'setsid sleep ' + process.argv[2] + ' >/dev/null 2>&1 & sleep 1'], { stdio: 'ignore' }).on('exit', () => process.exit(0));`;

async function startTree(runtime: LocalRuntime) {
  const marker = uniqueSleep();
  await runtime.writeFile('tree.mjs', TREE_SCRIPT);
  const process = await runtime.spawn('node', ['tree.mjs', marker]);
  await expect.poll(() => sleepers(marker).length, { timeout: 5000 }).toBe(3);
  return { process, marker };
}

describe('V6: spawn allow-list', () => {
  it('refuses other programs, inline code, preloads, scripts outside the workspace and steering variables', async () => {
    const runtime = await runner.connect();
    await runtime.writeFile('ok.mjs', 'console.log(process.env.GREETING, process.env.NODE_OPTIONS ?? "no options")');
    await expect(runtime.spawn('bash', ['-c', 'id'])).rejects.toThrow(/only starts "node"/);
    await expect(runtime.spawn('curl', ['http://127.0.0.1/'])).rejects.toThrow(/only starts "node"/);
    await expect(runtime.spawn('node', ['-e', 'process.exit(0)'])).rejects.toThrow(/does not pass the Node option "-e"/);
    await expect(runtime.spawn('node', ['--require', 'ok.mjs', 'ok.mjs'])).rejects.toThrow(/"--require"/);
    await expect(runtime.spawn('node', ['--import=data:text/javascript,0', 'ok.mjs'])).rejects.toThrow(/"--import/);
    await expect(runtime.spawn('node', ['/etc/passwd'])).rejects.toThrow(/absolute path/);
    await expect(runtime.spawn('node', ['../outside.mjs'])).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.spawn('node', ['node_modules/express/index.js'])).rejects.toThrow(/node_modules/);
    await expect(runtime.spawn('node', ['missing.mjs'])).rejects.toThrow(/does not exist/);
    for (const name of ['NODE_OPTIONS', 'LD_PRELOAD', 'PATH', 'DYLD_INSERT_LIBRARIES', RUNNER_OWNER_ENV]) {
      await expect(runtime.spawn('node', ['ok.mjs'], { env: { [name]: '--require /tmp/x.js' } })).rejects.toThrow(`environment variable "${name}"`);
    }
    const allowed = await runtime.spawn('node', ['ok.mjs'], { env: { GREETING: 'hi', NODE_ENV: 'test' } });
    expect(await readAll(allowed)).toBe('hi no options\n');
    await runtime.dispose();
  });

  it('runs `node --test` on workspace files, as lessons declare', async () => {
    const runtime = await runner.connect();
    await runtime.writeFile('sum.test.mjs', "import test from 'node:test'; test('adds', () => {});");
    const tests = await runtime.spawn('node', ['--test', '--test-reporter=tap', 'sum.test.mjs']);
    expect(await readAll(tests)).toMatch(/# pass 1/);
    expect(await tests.exit).toBe(0);
    await expect(runtime.spawn('node', ['--test', '/etc/passwd'])).rejects.toThrow(/absolute path/);
    await runtime.dispose();
  });
});

describe.runIf(linux)('V3: learner processes cannot outlive their workspace', () => {
  it.runIf(namespaces)('runs them in a PID namespace and says so', async () => {
    const runtime = await runner.connect();
    expect(runtime.containment).toBe('pid-namespace');
    await runtime.writeFile('pid.mjs', 'console.log(process.pid)');
    expect(await readAll(await runtime.spawn('node', ['pid.mjs']))).toBe('1\n');
    await runtime.dispose();
  });

  it('kill ends the whole tree, setsid included (restart)', async () => {
    const runtime = await runner.connect();
    const { process, marker } = await startTree(runtime);
    process.kill();
    expect(await process.exit).toBe(137);
    await expect.poll(() => sleepers(marker), { timeout: 5000 }).toEqual([]);
    await runtime.dispose();
  });

  it.runIf(namespaces)('a process that exits takes even its setsid escapee with it', async () => {
    const runtime = await runner.connect();
    const marker = uniqueSleep();
    await runtime.writeFile('escape.mjs', ESCAPE_SCRIPT);
    const process = await runtime.spawn('node', ['escape.mjs', marker]);
    await expect.poll(() => sleepers(marker).length).toBe(1);
    expect(await process.exit).toBe(0);
    await expect.poll(() => sleepers(marker), { timeout: 5000 }).toEqual([]);
    await runtime.dispose();
  });

  it('closing the socket (tab close) and server shutdown end every tree and delete every workspace', async () => {
    const tab = await runner.connect();
    const closed = await startTree(tab);
    await tab.dispose();
    await expect.poll(() => sleepers(closed.marker), { timeout: 5000 }).toEqual([]);
    const runtimes = [await runner.connect(), await runner.connect()];
    const trees = await Promise.all(runtimes.map((runtime) => startTree(runtime)));
    await runner.host.close();
    expect(trees.flatMap(({ marker }) => sleepers(marker))).toEqual([]);
    expect(await readdir(runner.workspacesDir)).toEqual([]);
  });

  it('reports the process-group fallback in the status line', async () => {
    const fallback = await startTestRunnerServer({ containment: 'process-group' });
    try {
      const { runtime, choice } = await chooseRuntime({ forced: 'local', local: signedInOptions(fallback.origin, await fallback.signIn()) });
      expect(choice.reason).toMatch(/offers no PID namespace, so a learner process that detaches itself may outlive the tab/);
      await runtime?.dispose();
    } finally {
      await fallback.close();
    }
  });
});

describe.runIf(linux)('V2: signals and leftovers', () => {
  it('SIGHUP (a closed terminal) cleans up like SIGINT and SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tests/support/runner-child.ts')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
    const started = JSON.parse(first.value as string) as { origin: string; cookie: string; workspacesDir: string };
    try {
      const runtime = await signedInRuntime(started.origin, started.cookie);
      const { marker } = await startTree(runtime);
      expect(await readdir(started.workspacesDir)).toHaveLength(1);
      child.kill('SIGHUP');
      expect(await exited).toBe(128 + 1); // as SIGHUP would end it
      await expect.poll(() => sleepers(marker), { timeout: 5000 }).toEqual([]);
      expect(await readdir(started.workspacesDir)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await rm(started.workspacesDir, { recursive: true, force: true });
    }
  });

  it('sweeps workspaces and tagged processes an earlier run left, and keeps a live sibling’s', async () => {
    const parentDir = await mkdtemp(join(tmpdir(), 'runner-sweep-'));
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    const deadPid = gone.pid ?? 0;
    await mkdir(join(parentDir, `backend-playground-${deadPid}-stale`));
    await writeFile(join(parentDir, `backend-playground-${deadPid}-stale`, 'server.js'), 'left behind');
    await mkdir(join(parentDir, `backend-playground-${process.ppid}-sibling`));
    const marker = uniqueSleep();
    const orphan = spawn('sleep', [marker], { env: { ...process.env, [RUNNER_OWNER_ENV]: String(deadPid) }, detached: true, stdio: 'ignore' });
    orphan.unref();
    await expect.poll(() => sleepers(marker).length).toBe(1);
    const fresh = await startTestRunnerServer({ parentDir });
    try {
      await fresh.host.containment(); // settles after the sweep
      expect(await readdir(parentDir)).toEqual([`backend-playground-${process.ppid}-sibling`]);
      await expect.poll(() => sleepers(marker), { timeout: 5000 }).toEqual([]);
    } finally {
      await fresh.close();
      await rm(parentDir, { recursive: true, force: true });
    }
  });
});

describe('V4: dependencies learner code cannot change', () => {
  it('links workspaces to a separate read-only copy, never the repo’s node_modules', async () => {
    const runtime = await runner.connect();
    await runtime.writeFile('where.mjs', "import { realpathSync } from 'node:fs'; console.log(realpathSync('node_modules'));");
    const where = (await readAll(await runtime.spawn('node', ['where.mjs']))).trim();
    expect(where.startsWith(join(REPO_ROOT, 'node_modules'))).toBe(false);
    expect(where).toBe(await prepareTemplateDependencies());
    await runtime.dispose();
  });

  it.runIf(namespaces)('refuses writes, chmod and new files in the dependencies and the app’s own folder', async () => {
    const runtime = await runner.connect();
    const probe = join(REPO_ROOT, 'node_modules', `.v4-probe-${process.pid}`);
    await runtime.writeFile(
      'tamper.mjs',
      `import { appendFileSync, chmodSync, writeFileSync } from 'node:fs';
for (const attempt of [
  () => appendFileSync('node_modules/express/package.json', ' '),
  () => chmodSync('node_modules/express/package.json', 0o666),
  () => writeFileSync(${JSON.stringify(probe)}, 'x'),
]) { try { attempt(); console.log('changed'); } catch (error) { console.log(error.code); } }`,
    );
    expect(await readAll(await runtime.spawn('node', ['tamper.mjs']))).toBe('EROFS\nEROFS\nEROFS\n');
    await expect(readFile(probe)).rejects.toThrow(/ENOENT/);
    await runtime.dispose();
  });

  it('rebuilds a copy that was changed behind its back', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'runner-deps-'));
    try {
      const files = [{ path: 'node_modules/dep/index.js', data: new TextEncoder().encode('export default 1;') }];
      const modules = await prepareTemplateDependencies(cacheDir, files);
      const copy = join(modules, 'dep', 'index.js');
      expect((await stat(copy)).mode & 0o777).toBe(0o444);
      expect((await stat(dirname(copy))).mode & 0o777).toBe(0o555);
      // Learner code runs as the same user, so it can undo the permissions; the next start notices.
      await chmod(copy, 0o644);
      await writeFile(copy, 'export default 666;');
      expect(await prepareTemplateDependencies(cacheDir, files)).toBe(modules);
      expect(await readFile(copy, 'utf8')).toBe('export default 1;');
      expect(await realpath(modules)).toBe(modules);
    } finally {
      execFileSync('chmod', ['-R', 'u+w', cacheDir]);
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
