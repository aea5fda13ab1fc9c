/**
 * One lesson folder → a lesson, assembled from its parts: `lesson.md` (frontmatter and text),
 * `starter/`, `solution/`, `checks.ts`, and the author-only `mutants/` and `alternatives/`.
 * A broken lesson still yields an entry (title from whatever frontmatter parsed) carrying its
 * first error, so dev can show it; every problem is returned for the build and the CLI.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileChecks, type CompiledChecks } from './compile-checks.ts';
import { displayPath } from './display-path.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { metaProblems, problemToError, slugProblem } from './lesson-rules.ts';
import type { NumberedFolder } from './numbered-folders.ts';
import { readOverlay } from './read-overlay.ts';
import { readVariants } from './read-variants.ts';
import { renderMarkdown } from './render-markdown.ts';
import { lessonFrontmatterSchema, parseWith } from './schema.ts';
import type { AuthoredLesson, LessonEntry, LessonError } from './types.ts';

export interface LoadedLesson {
  entry: LessonEntry;
  lesson?: AuthoredLesson;
  errors: LessonError[];
}

const MISSING = {
  lessonMd: 'is missing: every lesson folder needs a lesson.md (run `npm run lessons:new` for a scaffold)',
  starter: 'is missing: a lesson needs a starter/ folder with the learner’s first files',
  solution: 'is missing: a lesson needs a solution/ folder (files that overlay starter/ to make every check pass)',
  checks: 'is missing: a lesson needs a checks.ts that `export default defineChecks({ checks: [...] })`',
};

export async function loadLesson(lessonsDir: string, trackId: string, folder: NumberedFolder): Promise<LoadedLesson> {
  const broken = (data: unknown, errors: LessonError[]): LoadedLesson => ({ entry: { ...fallbackEntry(trackId, folder.slug, data), error: errors[0] }, errors });
  const source = await readLessonMd(folder);
  if (!source.ok) return broken(undefined, [source.error]);
  const lessonMd = displayPath(join(folder.path, 'lesson.md'));
  const parsed = parseWith(lessonFrontmatterSchema, source.data);
  const [starter, solution, checks] = await Promise.all([
    readOverlay(join(folder.path, 'starter'), { missing: MISSING.starter }),
    readOverlay(join(folder.path, 'solution'), { missing: MISSING.solution }),
    readChecks(join(folder.path, 'checks.ts')),
  ]);
  const solutionTree = { ...starter.files, ...solution.files };
  const variants = await readVariants(folder.path, solutionTree, checks.compiled?.checkList.map((check) => check.id));
  const lessonMdProblems = parsed.ok ? metaProblems(parsed.value, starter.files, lessonsDir) : parsed.problems;
  const errors = [...lessonMdProblems.map((p) => problemToError(lessonMd, p)), ...starter.errors, ...solution.errors, ...checks.errors, ...variants.errors];
  if (!parsed.ok || !checks.compiled || errors.length > 0) return broken(source.data, errors);

  const meta = parsed.value;
  const entry: LessonEntry = { id: `${trackId}/${folder.slug}`, trackId, slug: folder.slug, title: meta.title, kind: meta.kind, mode: meta.mode, minutes: meta.minutes };
  const { module: checksModule, checkList, upstream } = checks.compiled;
  const { mutants, alternatives } = variants;
  return { entry, lesson: { ...entry, meta, html: await renderMarkdown(source.body), starter: starter.files, solution: solutionTree, checksModule, checkList, upstream, mutants, alternatives, folder: folder.path }, errors };
}

type LessonSource = { ok: true; data: unknown; body: string } | { ok: false; error: LessonError };

/** The folder name and `lesson.md` must be readable before anything else is worth reading. */
async function readLessonMd(folder: NumberedFolder): Promise<LessonSource> {
  const badSlug = slugProblem(folder);
  if (badSlug) return { ok: false, error: badSlug };
  const file = join(folder.path, 'lesson.md');
  if (!existsSync(file)) return { ok: false, error: { file: displayPath(file), message: MISSING.lessonMd } };
  const split = splitFrontmatter(await readFile(file, 'utf8'));
  return split.ok ? split : { ok: false, error: { file: displayPath(file), message: split.message } };
}

async function readChecks(file: string): Promise<{ compiled?: Extract<CompiledChecks, { ok: true }>; errors: LessonError[] }> {
  if (!existsSync(file)) return { errors: [{ file: displayPath(file), message: MISSING.checks }] };
  const compiled = await compileChecks(file);
  return compiled.ok ? { compiled, errors: [] } : { errors: [{ file: displayPath(file), message: compiled.message }] };
}

/** What the entry can show even when the frontmatter is broken. */
function fallbackEntry(trackId: string, slug: string, data: unknown): LessonEntry {
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return {
    id: `${trackId}/${slug}`,
    trackId,
    slug,
    title: typeof fields.title === 'string' ? fields.title : slug,
    kind: fields.kind === 'sql' ? 'sql' : 'server',
    mode: fields.mode === 'assessment' ? 'assessment' : 'lesson',
    minutes: typeof fields.minutes === 'number' ? fields.minutes : 10,
  };
}
