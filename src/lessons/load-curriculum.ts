/**
 * Reads `lessons/` from disk into typed tracks and lessons. Node-only: runs in the Vite
 * plugin (dev and build) and in the CLI, never in the browser.
 *
 * A broken lesson never takes the others down: it stays in its track as an entry with an
 * `error` (so dev shows what is wrong), is left out of `lessons`, and its problems are listed
 * in `errors` (so the build and `lessons:verify` can fail naming every one).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compileChecks, type CompiledChecks } from './compile-checks.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { renderMarkdown } from './render-markdown.ts';
import { lessonFrontmatterSchema, parseWith, trackFrontmatterSchema, type FieldProblem } from './schema.ts';
import type { Lesson, LessonEntry, LessonError, LessonMeta, Track } from './types.ts';

export interface Curriculum {
  tracks: Track[];
  lessons: Lesson[];
  errors: LessonError[];
}

export interface LoadOptions {
  /** Keep only lessons whose id contains this text (and the tracks that hold them). */
  filter?: string;
}

/** `01-apis` → order 1, slug `apis`. Folders without the prefix are not tracks or lessons. */
const NUMBERED_FOLDER = /^(\d+)-(.*)$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Files operating systems drop into folders: never part of a lesson (and binary, so they would be refused). */
const OS_JUNK = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Repo-relative (to the working directory, the repo root for npm scripts and Vite), with `/`. */
export function displayPath(absolute: string): string {
  return relative(process.cwd(), absolute).split(sep).join('/');
}

function problemToError(file: string, problem: FieldProblem): LessonError {
  return problem.field
    ? { file, field: problem.field, message: `field \`${problem.field}\` ${problem.message}` }
    : { file, message: problem.message };
}

interface NumberedFolder {
  name: string;
  path: string;
  number: number;
  slug: string;
}

async function numberedFolders(dir: string): Promise<NumberedFolder[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders: NumberedFolder[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
    const match = NUMBERED_FOLDER.exec(entry.name);
    if (!match) continue;
    folders.push({ name: entry.name, path: join(dir, entry.name), number: Number(match[1]), slug: match[2] ?? '' });
  }
  return folders.sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
}

function slugProblem(folder: NumberedFolder): string | undefined {
  return SLUG.test(folder.slug)
    ? undefined
    : `folder name \`${folder.name}\` must be NN-slug with a lower-case kebab-case slug (e.g. 02-first-route)`;
}

/** Every file under `dir` as UTF-8 text, keyed by `/`-separated relative path. */
async function readTextTree(dir: string): Promise<{ files: Record<string, string>; errors: LessonError[] }> {
  const files: Record<string, string> = {};
  const errors: LessonError[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (!entry.isFile() || OS_JUNK.has(entry.name)) continue;
      const bytes = await readFile(path);
      let text: string | undefined;
      try {
        text = decoder.decode(bytes);
      } catch {
        text = undefined;
      }
      if (text === undefined || text.includes('\u0000')) {
        errors.push({ file: displayPath(path), message: 'is not a UTF-8 text file; starter and solution files must be text (generate binaries such as .sqlite from code)' });
        continue;
      }
      files[relative(dir, path).split(sep).join('/')] = text;
    }
  }
  await walk(dir);
  return { files, errors };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

interface LoadedLesson {
  entry: LessonEntry;
  lesson?: Lesson;
  errors: LessonError[];
}

/** What the entry can show even when the frontmatter is broken. */
function fallbackEntry(id: string, trackId: string, slug: string, data: unknown): LessonEntry {
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return {
    id,
    trackId,
    slug,
    title: typeof fields.title === 'string' ? fields.title : slug,
    kind: fields.kind === 'sql' ? 'sql' : 'server',
    mode: fields.mode === 'assessment' ? 'assessment' : 'lesson',
    minutes: typeof fields.minutes === 'number' ? fields.minutes : 10,
  };
}

/** Cross-field and on-disk rules the schema alone cannot express. */
function metaProblems(meta: LessonMeta, starter: Record<string, string>, lessonsDir: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Object.hasOwn(starter, meta.focus)) {
    problems.push({ field: 'focus', message: `names \`${meta.focus}\`, which is not in starter/ (files there: ${Object.keys(starter).join(', ') || 'none'})` });
  }
  if (meta.kind === 'sql') {
    if (meta.dataset === undefined) {
      problems.push({ field: 'dataset', message: 'is required for sql lessons: name a generator in lessons/_datasets/ (e.g. `dataset: shop`)' });
    } else if (!existsSync(join(lessonsDir, '_datasets', `${meta.dataset}.ts`))) {
      problems.push({ field: 'dataset', message: `names \`${meta.dataset}\`, but ${displayPath(join(lessonsDir, '_datasets', `${meta.dataset}.ts`))} does not exist` });
    }
  }
  if (meta.kind === 'server' && meta.start.command === 'node') {
    const script = meta.start.args.find((arg) => !arg.startsWith('-'));
    if (script !== undefined && !Object.hasOwn(starter, script)) {
      problems.push({ field: 'start', message: `runs \`${script}\`, which is not in starter/` });
    }
  }
  return problems;
}

async function loadLesson(lessonsDir: string, trackId: string, folder: NumberedFolder): Promise<LoadedLesson> {
  const id = `${trackId}/${folder.slug}`;
  const lessonFile = join(folder.path, 'lesson.md');
  const lessonMd = displayPath(lessonFile);
  const errors: LessonError[] = [];
  const fail = (data: unknown): LoadedLesson => {
    const entry = fallbackEntry(id, trackId, folder.slug, data);
    return { entry: { ...entry, error: errors[0] }, errors };
  };

  const badSlug = slugProblem(folder);
  if (badSlug) {
    errors.push({ file: displayPath(folder.path), message: badSlug });
    return fail(undefined);
  }
  if (!existsSync(lessonFile)) {
    errors.push({ file: lessonMd, message: 'is missing: every lesson folder needs a lesson.md (run `npm run lessons:new` for a scaffold)' });
    return fail(undefined);
  }

  const split = splitFrontmatter(await readFile(lessonFile, 'utf8'));
  if (!split.ok) {
    errors.push({ file: lessonMd, message: split.message });
    return fail(undefined);
  }
  const parsed = parseWith(lessonFrontmatterSchema, split.data);
  if (!parsed.ok) errors.push(...parsed.problems.map((p) => problemToError(lessonMd, p)));

  const starterDir = join(folder.path, 'starter');
  const solutionDir = join(folder.path, 'solution');
  const checksFile = join(folder.path, 'checks.ts');
  let starter: Record<string, string> = {};
  let solutionFiles: Record<string, string> = {};
  if (await isDirectory(starterDir)) {
    const tree = await readTextTree(starterDir);
    starter = tree.files;
    errors.push(...tree.errors);
  } else {
    errors.push({ file: displayPath(starterDir), message: 'is missing: a lesson needs a starter/ folder with the learner’s first files' });
  }
  if (await isDirectory(solutionDir)) {
    const tree = await readTextTree(solutionDir);
    solutionFiles = tree.files;
    errors.push(...tree.errors);
  } else {
    errors.push({ file: displayPath(solutionDir), message: 'is missing: a lesson needs a solution/ folder (files that overlay starter/ to make every check pass)' });
  }
  if (parsed.ok) errors.push(...metaProblems(parsed.value, starter, lessonsDir).map((p) => problemToError(lessonMd, p)));

  let compiled: CompiledChecks | undefined;
  if (!existsSync(checksFile)) {
    errors.push({ file: displayPath(checksFile), message: 'is missing: a lesson needs a checks.ts that `export default defineChecks({ checks: [...] })`' });
  } else {
    compiled = await compileChecks(checksFile);
    if (!compiled.ok) errors.push({ file: displayPath(checksFile), message: compiled.message });
  }

  if (!parsed.ok || errors.length > 0 || !compiled?.ok) return fail(split.data);

  // Typed as the contract: if the schema drifts from LessonMeta, this line fails the typecheck.
  const meta: LessonMeta = parsed.value;
  const entry: LessonEntry = { id, trackId, slug: folder.slug, title: meta.title, kind: meta.kind, mode: meta.mode, minutes: meta.minutes };
  const lesson: Lesson = {
    ...entry,
    meta,
    html: await renderMarkdown(split.body),
    starter,
    solution: { ...starter, ...solutionFiles },
    checksModule: compiled.module,
    checkList: compiled.checkList,
  };
  return { entry, lesson, errors };
}

interface LoadedTrack {
  /** Repo-relative folder path, for messages. */
  folder: string;
  track: Track;
  lessons: Lesson[];
  errors: LessonError[];
}

async function loadTrack(lessonsDir: string, folder: NumberedFolder, filter: string | undefined): Promise<LoadedTrack | undefined> {
  const trackFile = join(folder.path, 'track.md');
  const trackMd = displayPath(trackFile);
  const errors: LessonError[] = [];
  const track: Track = { id: folder.slug, title: folder.slug, summary: '', order: folder.number, prerequisites: [], lessons: [] };

  const badSlug = slugProblem(folder);
  if (badSlug) return { folder: displayPath(folder.path), track, lessons: [], errors: [{ file: displayPath(folder.path), message: badSlug }] };

  if (!existsSync(trackFile)) {
    errors.push({ file: trackMd, message: 'is missing: every track folder needs a track.md with title and summary' });
  } else {
    const split = splitFrontmatter(await readFile(trackFile, 'utf8'));
    const parsed = split.ok ? parseWith(trackFrontmatterSchema, split.data) : undefined;
    if (!split.ok) errors.push({ file: trackMd, message: split.message });
    else if (parsed && !parsed.ok) errors.push(...parsed.problems.map((p) => problemToError(trackMd, p)));
    else if (parsed?.ok) {
      track.title = parsed.value.title;
      track.summary = parsed.value.summary;
      track.order = parsed.value.order ?? folder.number;
      track.prerequisites = parsed.value.prerequisites;
    }
  }

  const lessonFolders = (await numberedFolders(folder.path)).filter((f) => filter === undefined || `${folder.slug}/${f.slug}`.includes(filter));
  if (filter !== undefined && lessonFolders.length === 0) return undefined;
  const loaded = await Promise.all(lessonFolders.map((f) => loadLesson(lessonsDir, folder.slug, f)));

  const lessons: Lesson[] = [];
  const seen = new Set<string>();
  for (const [i, result] of loaded.entries()) {
    if (seen.has(result.entry.id)) {
      const error: LessonError = { file: displayPath(lessonFolders[i]?.path ?? folder.path), message: `has the same slug as another lesson in this track: lesson id \`${result.entry.id}\` must be unique` };
      errors.push(error);
      continue;
    }
    seen.add(result.entry.id);
    track.lessons.push(result.entry);
    errors.push(...result.errors);
    if (result.lesson) lessons.push(result.lesson);
  }
  return { folder: displayPath(folder.path), track, lessons, errors };
}

export async function loadCurriculum(lessonsDir: string, options: LoadOptions = {}): Promise<Curriculum> {
  const loaded = (await Promise.all((await numberedFolders(lessonsDir)).map((f) => loadTrack(lessonsDir, f, options.filter)))).filter(
    (t): t is LoadedTrack => t !== undefined,
  );

  const errors: LessonError[] = [];
  const tracks: Track[] = [];
  const lessons: Lesson[] = [];
  const trackIds = new Set<string>();
  for (const { folder, track, lessons: trackLessons, errors: trackErrors } of loaded) {
    errors.push(...trackErrors);
    if (trackIds.has(track.id)) {
      errors.push({ file: folder, message: `another track folder has the id \`${track.id}\`; track ids (folder names without NN-) must be unique` });
      continue;
    }
    trackIds.add(track.id);
    tracks.push(track);
    lessons.push(...trackLessons);
  }
  for (const { folder, track } of loaded) {
    for (const prerequisite of track.prerequisites) {
      // With a filter some tracks are legitimately absent, so only a full load can judge.
      if (options.filter === undefined && !trackIds.has(prerequisite)) {
        const file = `${folder}/track.md`;
        errors.push({ file, field: 'prerequisites', message: `field \`prerequisites\` names \`${prerequisite}\`, which is not a track id (known: ${[...trackIds].join(', ')})` });
      }
    }
  }
  tracks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { tracks, lessons, errors };
}
