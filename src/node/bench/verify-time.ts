/**
 * verifyAllSeconds: wall time of `npm run lessons:verify` over the whole curriculum, as an
 * instructor or CI runs it: every lesson's starter and solution, every mutant and every
 * alternative. The details say how many of each were run, so times from curricula of different
 * sizes can be compared. A run that fails verification still counts (the time is real), and
 * the note says so.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from './context.ts';
import { failed, type Outcome } from './results.ts';

/** One run: the whole curriculum takes ~20 min on a 2-core machine (mutants included). */
const RUNS = 1;
/** Above the ~20 min a full run takes on 2 cores (600 s killed every run): only a hung verify is cut off. */
const TIMEOUT_MS = 2_700_000;

interface Run {
  seconds: number;
  code: number | null;
  output: string;
}

function runVerify(root: string): Promise<Run> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn('npm', ['run', '--silent', 'lessons:verify', '--', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - start) / 1000, code, output });
    });
  });
}

interface VerifiedCounts {
  lessons: number;
  mutants: number;
  alternatives: number;
  failing: string[];
  /** The costliest lessons: their variant runs' wall time added up (`runSeconds` in the report). */
  slowest: { id: string; seconds: number }[];
}

/** `--json` prints `{ ok, lessons: [...] }`; count what was verified. */
export function verifiedCounts(output: string): VerifiedCounts | undefined {
  const start = output.indexOf('{');
  if (start < 0) return undefined;
  try {
    const report = JSON.parse(output.slice(start)) as { lessons?: { id: string; ok: boolean; mutants?: unknown[]; alternatives?: unknown[]; runSeconds?: number }[] };
    if (!Array.isArray(report.lessons)) return undefined;
    const lessons = report.lessons;
    return {
      lessons: lessons.length,
      mutants: lessons.reduce((sum, lesson) => sum + (lesson.mutants?.length ?? 0), 0),
      alternatives: lessons.reduce((sum, lesson) => sum + (lesson.alternatives?.length ?? 0), 0),
      failing: lessons.filter((lesson) => !lesson.ok).map((lesson) => lesson.id),
      slowest: lessons
        .map((lesson) => ({ id: lesson.id, seconds: lesson.runSeconds ?? 0 }))
        .sort((a, b) => b.seconds - a.seconds)
        .slice(0, 5),
    };
  } catch {
    return undefined;
  }
}

export async function measureVerifyAll(root: string, ctx: BenchContext): Promise<Outcome> {
  const samples: number[] = [];
  let last: Run | undefined;
  const runs = ctx.runs(RUNS);
  for (let run = 0; run < runs; run += 1) {
    last = await runVerify(root);
    ctx.log(`  lessons:verify run ${run + 1}/${runs}: ${last.seconds.toFixed(1)} s (exit ${last.code})`);
    if (/not implemented/i.test(last.output) || last.code === null) break;
    samples.push(last.seconds);
  }
  if (!last || samples.length === 0) {
    return failed(`\`npm run lessons:verify\` did not run: ${last?.code === null ? 'killed after the timeout' : (last?.output.trim().split('\n').at(-1) ?? 'no output')}`);
  }
  const counts = verifiedCounts(last.output);
  const details = {
    runs: samples.length,
    lessons: counts?.lessons ?? null,
    mutants: counts?.mutants ?? null,
    alternatives: counts?.alternatives ?? null,
    slowestLessonsSeconds: counts?.slowest ?? null,
    failingLessons: counts?.failing ?? null,
    exitCode: last.code,
  };
  const note = last.code === 0 ? undefined : `lessons:verify exited with ${last.code}${counts?.failing.length ? ` (failing: ${counts.failing.join(', ')})` : ''}; the time is still the full run.`;
  return note ? { ok: true, samples, note, details } : { ok: true, samples, details };
}
