/**
 * `npm test`: typecheck, unit tests, lesson verification, browser tests — every step runs
 * even when an earlier one fails, so one run shows everything that is broken. Ends with one
 * line `N passed, N failed` adding up every runner's results (the typecheck counts as one).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../app-server.ts';

interface Tally {
  passed: number;
  failed: number;
  /** What failed, by name: the summary at the end of a long CI log must say what to look for. */
  failures?: string[];
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
      const report = readJson<{ numPassedTests: number; numFailedTests: number; testResults?: { name: string; assertionResults?: { fullName: string; status: string }[] }[] }>('vitest.json');
      const failures = (report?.testResults ?? []).flatMap((file) =>
        (file.assertionResults ?? []).filter((test) => test.status === 'failed').map((test) => `${relative(REPO_ROOT, file.name)} › ${test.fullName}`),
      );
      return report && { passed: report.numPassedTests, failed: report.numFailedTests, failures };
    },
  },
  {
    name: 'lesson verification',
    args: ['run', 'lessons:verify', '--', `--report=${join(reports, 'verify.json')}`],
    tally: () => {
      const report = readJson<{ lessons: { id: string; ok: boolean; problems: string[] }[] }>('verify.json');
      const broken = report?.lessons.filter((l) => !l.ok) ?? [];
      return report && { passed: report.lessons.length - broken.length, failed: broken.length, failures: broken.map((l) => `${l.id}: ${l.problems.join(' | ')}`) };
    },
  },
  {
    name: 'browser tests',
    args: ['run', 'test:e2e'],
    tally: () => {
      const report = readJson<{ stats?: { expected: number; unexpected: number; flaky: number }; suites?: PlaywrightSuite[] }>('playwright.json');
      return report?.stats && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, failures: failedSpecs(report.suites ?? []) };
    },
  },
];

interface PlaywrightSuite {
  file?: string;
  specs?: { title: string; line?: number; ok: boolean }[];
  suites?: PlaywrightSuite[];
}

function failedSpecs(suites: PlaywrightSuite[], file = ''): string[] {
  return suites.flatMap((suite) => {
    const at = suite.file ?? file;
    const own = (suite.specs ?? []).filter((spec) => !spec.ok).map((spec) => `${at}:${spec.line ?? '?'} › ${spec.title}`);
    return [...own, ...failedSpecs(suite.suites ?? [], at)];
  });
}

/** One line per failure, cut short: the full story is above, in the runner's own output. */
function failureLines(failures: string[] = []): string[] {
  const shown = failures.slice(0, 10).map((failure) => `       ✗ ${failure.length > 400 ? `${failure.slice(0, 400)}…` : failure}`);
  return failures.length > shown.length ? [...shown, `       … and ${failures.length - shown.length} more`] : shown;
}

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
  lines.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${step.name}: ${tally.passed} passed, ${tally.failed} failed`, ...failureLines(tally.failures));
}

console.log(`\n${lines.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
