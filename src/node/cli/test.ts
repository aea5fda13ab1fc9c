/**
 * `npm test`: typecheck, unit tests, lesson verification, browser tests — every step runs
 * even when an earlier one fails, so one run shows everything that is broken. Ends with one
 * line `N passed, N failed` adding up every runner's results (the typecheck counts as one).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../app-server.ts';

interface Tally {
  passed: number;
  failed: number;
}

interface Step {
  name: string;
  args: string[];
  /** Reads the runner's report; undefined when it wrote none (then the exit code decides). */
  tally: () => Tally | undefined;
}

const reports = join(REPO_ROOT, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function readJson<T>(file: string): T | undefined {
  const path = join(reports, file);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const steps: Step[] = [
  { name: 'typecheck', args: ['run', 'typecheck'], tally: () => undefined },
  {
    name: 'unit tests',
    args: ['run', 'test:unit', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`],
    tally: () => {
      const report = readJson<{ numPassedTests: number; numFailedTests: number }>('vitest.json');
      return report && { passed: report.numPassedTests, failed: report.numFailedTests };
    },
  },
  {
    name: 'lesson verification',
    args: ['run', 'lessons:verify', '--', `--report=${join(reports, 'verify.json')}`],
    tally: () => {
      const report = readJson<{ lessons: { ok: boolean }[] }>('verify.json');
      return report && { passed: report.lessons.filter((l) => l.ok).length, failed: report.lessons.filter((l) => !l.ok).length };
    },
  },
  {
    name: 'browser tests',
    args: ['run', 'test:e2e'],
    tally: () => {
      const report = readJson<{ stats?: { expected: number; unexpected: number; flaky: number } }>('playwright.json');
      return report?.stats && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
    },
  },
];

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const total: Tally = { passed: 0, failed: 0 };
const lines: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const code = await run(step.args);
  const tally = step.tally() ?? (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  // A runner that exits non-zero with no failed test in its report (a crash, a config error) still fails the run.
  if (code !== 0 && tally.failed === 0) tally.failed = 1;
  total.passed += tally.passed;
  total.failed += tally.failed;
  lines.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${step.name}: ${tally.passed} passed, ${tally.failed} failed`);
}

console.log(`\n${lines.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
