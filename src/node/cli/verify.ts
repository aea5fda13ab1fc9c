/**
 * `npm run lessons:verify [-- --json] [--filter <text>] [--report <file>] [--jobs <n>]`: every
 * lesson's starter must fail at least one check, its solution pass them all, each mutant fail
 * the checks it names and each alternative pass them all — in real Node, through the agent.
 * Exits non-zero naming each lesson that breaks a rule and each lesson that cannot load.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatLessonError } from '../../lessons/format-lesson-error.ts';
import { loadCurriculum } from '../../lessons/load-curriculum.ts';
import { errorText } from '../../shared/error-text.ts';
import { bundleAgent } from '../agent-bundle.ts';
import { REPO_ROOT } from '../app-server.ts';
import { AgentPool } from '../verify/agent-pool.ts';
import { createLimiter } from '../verify/create-limiter.ts';
import { verifyLesson, type LessonVerdict } from '../verify/verify-lesson.ts';
import { describeVerdict, verifyReport } from '../verify/verify-report.ts';

const HELP = `Usage: npm run lessons:verify -- [options]

Runs every lesson through the real agent in real Node and checks the authoring rules:
  - the starter fails at least one check, the solution passes them all;
  - every mutant (mutants/<name>/, one broken rule laid over the solution) fails each
    check its mutant.json names in "mustFail";
  - every alternative (alternatives/<name>/, a correct solution written differently)
    passes every check.

Options:
  --filter <text>   only lessons whose id contains <text> (e.g. apis/ or first-route)
  --json            print the report as JSON instead of lines
  --report <file>   also write the JSON report to <file>
  --jobs <n>        variant runs in flight at once (default: 2 × CPU cores)
                    (the runs estimated longest start first: more checks, sql checks weigh more)
  --lessons <dir>   the lessons folder (default: lessons/)
  --help            this text

The authoring guide is lessons/README.md.`;

let values: { json?: boolean; filter?: string; report?: string; jobs?: string; lessons?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, filter: { type: 'string' }, report: { type: 'string' }, jobs: { type: 'string' }, lessons: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: false,
  }));
} catch (error) {
  console.error(`${errorText(error)}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const jobs = values.jobs === undefined ? availableParallelism() * 2 : Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error(`--jobs must be a whole number ≥ 1, got "${values.jobs}".`);
  process.exit(2);
}

const lessonsDir = values.lessons ? resolve(values.lessons) : resolve(REPO_ROOT, 'lessons');
const say = values.json ? () => {} : (line: string) => console.log(line);

const curriculum = await loadCurriculum(lessonsDir, { typecheck: true, ...(values.filter ? { filter: values.filter } : {}) });
const runtimeFiles = (await bundleAgent()).files;
if (curriculum.lessons.length === 0) say(values.filter ? `No lesson id contains "${values.filter}".` : 'No lessons yet: nothing to verify.');

const started = Date.now();
const limit = createLimiter(jobs);
// One agent per run in flight, each serving variant after variant (agent-pool.ts).
const agents = new AgentPool(jobs);
const verdicts: LessonVerdict[] = await Promise.all(
  curriculum.lessons.map(async (lesson) => {
    const track = curriculum.tracks.find((t) => t.id === lesson.trackId);
    // Coverage needs the whole track: a --filter run loads only part of it.
    const trackLessonIds = values.filter === undefined ? track?.lessons.filter((entry) => entry.mode !== 'assessment').map((entry) => entry.id) : undefined;
    const verdict = await verifyLesson(lesson, { lessonsDir, runtimeFiles, limit, agents, ...(trackLessonIds ? { trackLessonIds } : {}) });
    say(describeVerdict(verdict));
    return verdict;
  }),
);
await agents.dispose();

const report = verifyReport(verdicts, curriculum.errors);

if (values.report) {
  const file = resolve(values.report);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const error of curriculum.errors) console.log(`✗ ${formatLessonError(error)}`);
  const broken = verdicts.filter((v) => !v.ok).map((v) => v.id);
  const mutants = verdicts.flatMap((v) => v.mutants);
  const alternatives = verdicts.flatMap((v) => v.alternatives);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${verdicts.length - broken.length} of ${verdicts.length} lessons verified in ${seconds} s; ` +
      `${mutants.filter((m) => m.ok).length} of ${mutants.length} mutants caught, ${alternatives.filter((a) => a.ok).length} of ${alternatives.length} alternatives pass.`,
  );
  if (broken.length) console.log(`Lessons breaking a rule: ${broken.join(', ')}`);
  if (curriculum.errors.length) console.log(`Lessons that failed to load: ${curriculum.errors.map((e) => e.file).join(', ')}`);
}
process.exit(report.ok ? 0 : 1);
