/**
 * The authoring rule `lessons:verify` enforces, for one lesson: its starter fails at least one
 * check and its solution passes them all, run through the real agent in real Node. A check
 * that crashes (`error`) breaks the rule either way: it is the author's bug.
 */
import type { FileTree } from '../../runtime/runtime.ts';
import type { Lesson, LessonKind } from '../../lessons/types.ts';
import type { CheckResult } from '../../checks/result.ts';
import { workspaceFiles } from '../../lessons/workspace-files.ts';
import { datasetPath } from '../../agent/workspace-paths.ts';
import { datasetBytes } from '../datasets.ts';
import { runChecksLocally } from './run-local-checks.ts';

export type Variant = 'starter' | 'solution';

export interface VariantOutcome {
  passed: number;
  failed: number;
  results: CheckResult[];
}

export interface LessonVerdict {
  id: string;
  kind: LessonKind;
  starter: VariantOutcome;
  solution: VariantOutcome;
  ok: boolean;
  /** Why the lesson breaks the rule, one sentence each (empty when ok). */
  problems: string[];
}

/** `.agent/datasets/…` for a `sql` lesson; nothing for a server lesson. */
export async function lessonDatasetFiles(lessonsDir: string, lesson: Lesson): Promise<FileTree> {
  const name = lesson.meta.dataset;
  if (!name) return {};
  const [visible, hidden] = await Promise.all([datasetBytes(lessonsDir, name, 'visible'), datasetBytes(lessonsDir, name, 'hidden')]);
  return { [datasetPath(name, 'visible')]: visible, [datasetPath(name, 'hidden')]: hidden };
}

/**
 * Verification runs many servers at once on a busy CI machine, where a correct server can
 * take longer than a learner's 5 s to listen; a slow start must not read as a broken lesson.
 */
const VERIFY_START_TIMEOUT_MS = 20_000;

export async function runVariant(lesson: Lesson, variant: Variant, runtimeFiles: Record<string, string>, datasets: FileTree): Promise<VariantOutcome> {
  const files = { ...workspaceFiles(lesson, lesson[variant], runtimeFiles, { startTimeoutMs: VERIFY_START_TIMEOUT_MS }), ...datasets };
  const summary = await runChecksLocally(files);
  return { passed: summary.passed, failed: summary.failed, results: summary.results };
}

/** Runs both variants and judges them; a lesson whose run cannot even start gets that as its problem. */
export async function verifyLesson(lesson: Lesson, lessonsDir: string, runtimeFiles: Record<string, string>): Promise<LessonVerdict> {
  try {
    const datasets = await lessonDatasetFiles(lessonsDir, lesson);
    const [starter, solution] = await Promise.all([runVariant(lesson, 'starter', runtimeFiles, datasets), runVariant(lesson, 'solution', runtimeFiles, datasets)]);
    return judge(lesson, starter, solution);
  } catch (error) {
    const none: VariantOutcome = { passed: 0, failed: 0, results: [] };
    return { id: lesson.id, kind: lesson.kind, starter: none, solution: none, ok: false, problems: [`its checks could not run: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

export function judge(lesson: Lesson, starter: VariantOutcome, solution: VariantOutcome): LessonVerdict {
  const problems: string[] = [];
  const total = solution.results.length;
  if (total === 0) problems.push('checks.ts defines no checks');
  if (total > 0 && starter.failed === 0) problems.push(`the starter passes all ${total} checks; it must fail at least one`);
  for (const result of solution.results) {
    if (result.status !== 'pass') problems.push(`the solution ${result.status === 'fail' ? 'fails' : `gets "${result.status}" on`} "${result.id}": ${result.message}`);
  }
  for (const result of starter.results) {
    if (result.status === 'error') problems.push(`the checker crashed on the starter in "${result.id}": ${result.message}`);
  }
  return { id: lesson.id, kind: lesson.kind, starter, solution, ok: problems.length === 0, problems };
}
