/**
 * `npm run lessons:verify [-- --json] [--filter <text>] [--report <file>]`: every lesson's
 * starter must fail at least one check and its solution must pass them all, in real Node.
 * Exits non-zero naming each lesson that breaks the rule and each lesson that cannot load.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCurriculum } from '../../lessons/load-curriculum.ts';
import { bundleAgent } from '../agent-bundle.ts';
import { REPO_ROOT } from '../app-server.ts';
import { verifyLesson, type LessonVerdict } from '../verify/verify-lesson.ts';
import { mapWithConcurrency } from '../verify/map-with-concurrency.ts';

interface VerifyReport {
  ok: boolean;
  lessons: { id: string; kind: string; starter: { passed: number; failed: number }; solution: { passed: number; failed: number }; ok: boolean }[];
}

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, filter: { type: 'string' }, report: { type: 'string' } },
  allowPositionals: false,
});

const lessonsDir = resolve(REPO_ROOT, 'lessons');
const say = values.json ? () => {} : (line: string) => console.log(line);

const curriculum = await loadCurriculum(lessonsDir, values.filter ? { filter: values.filter } : {});
const runtimeFiles = (await bundleAgent()).files;
if (curriculum.lessons.length === 0) say(values.filter ? `No lesson id contains "${values.filter}".` : 'No lessons yet: nothing to verify.');

const started = Date.now();
const verdicts = await mapWithConcurrency(curriculum.lessons, availableParallelism(), async (lesson) => {
  const lessonStarted = Date.now();
  const verdict = await verifyLesson(lesson, lessonsDir, runtimeFiles);
  say(describe(verdict, Date.now() - lessonStarted));
  return verdict;
});

const report: VerifyReport = {
  ok: curriculum.errors.length === 0 && verdicts.every((v) => v.ok),
  lessons: verdicts.map(({ id, kind, starter, solution, ok }) => ({
    id,
    kind,
    starter: { passed: starter.passed, failed: starter.failed },
    solution: { passed: solution.passed, failed: solution.failed },
    ok,
  })),
};

if (values.report) {
  const file = resolve(values.report);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const error of curriculum.errors) console.log(`✗ ${error.file}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
  const broken = verdicts.filter((v) => !v.ok).map((v) => v.id);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${verdicts.length - broken.length} of ${verdicts.length} lessons verified in ${seconds} s.`);
  if (broken.length) console.log(`Lessons breaking the rule (starter fails ≥ 1 check, solution passes all): ${broken.join(', ')}`);
  if (curriculum.errors.length) console.log(`Lessons that failed to load: ${curriculum.errors.map((e) => e.file).join(', ')}`);
}
process.exit(report.ok ? 0 : 1);

function describe(verdict: LessonVerdict, durationMs: number): string {
  const counts = `starter ${verdict.starter.passed}/${verdict.starter.passed + verdict.starter.failed} passed, solution ${verdict.solution.passed}/${verdict.solution.passed + verdict.solution.failed} passed (${(durationMs / 1000).toFixed(1)} s)`;
  const head = `${verdict.ok ? '✓' : '✗'} ${verdict.id} (${verdict.kind}): ${counts}`;
  return [head, ...verdict.problems.map((problem) => `    ${problem.replace(/\n/g, '\n    ')}`)].join('\n');
}
