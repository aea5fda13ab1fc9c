/**
 * Reads `lessons/` from disk into typed tracks and lessons: walks the numbered track folders,
 * reads each `track.md`, loads each lesson (load-lesson.ts) and applies the rules that span
 * folders (unique ids, known prerequisites). Node-only: runs in the Vite plugin (dev and
 * build) and in the CLI, never in the browser.
 *
 * A broken lesson never takes the others down: it stays in its track as an entry with an
 * `error` (so dev shows what is wrong), is left out of `lessons`, and its problems are listed
 * in `errors` (so the build and `lessons:verify` can fail naming every one). A broken track
 * (no track.md, a duplicate id) marks its lessons the same way, so dev shows that too.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { displayPath } from './display-path.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { problemToError, slugProblem } from './lesson-rules.ts';
import { loadLesson, type LoadedLesson } from './load-lesson.ts';
import { numberedFolders, type NumberedFolder } from './numbered-folders.ts';
import { parseWith, trackFrontmatterSchema } from './schema.ts';
import { typecheckChecks } from './typecheck-checks.ts';
import type { AuthoredLesson, LessonError, Track } from './types.ts';

export interface Curriculum {
  tracks: Track[];
  /** Loadable lessons, with their author-only mutants and alternatives. */
  lessons: AuthoredLesson[];
  errors: LessonError[];
}

export interface LoadOptions {
  /** Keep only lessons whose id contains this text (and the tracks that hold them). */
  filter?: string;
  /** Type-check every `checks.ts` against the check API (the build and `lessons:verify` do; dev skips it for speed). */
  typecheck?: boolean;
}

interface LoadedTrack {
  /** Repo-relative folder path, for messages. */
  folder: string;
  track: Track;
  lessons: AuthoredLesson[];
  errors: LessonError[];
}

export async function loadCurriculum(lessonsDir: string, options: LoadOptions = {}): Promise<Curriculum> {
  const loaded = (await Promise.all((await numberedFolders(lessonsDir)).map((f) => loadTrack(lessonsDir, f, options.filter)))).filter(
    (t): t is LoadedTrack => t !== undefined,
  );
  const errors: LessonError[] = [];
  const kept = new Map<string, LoadedTrack>();
  for (const current of loaded) {
    errors.push(...current.errors);
    const first = kept.get(current.track.id);
    if (first === undefined) {
      kept.set(current.track.id, current);
      continue;
    }
    const error = { file: current.folder, message: `has the same track id \`${current.track.id}\` as ${first.folder}; track ids (folder names without NN-) must be unique` };
    errors.push(error);
    markBroken(first, error);
  }
  if (options.typecheck) errors.push(...markTypeErrors([...kept.values()]));
  // With a filter some tracks are legitimately absent, so only a full load can judge prerequisites.
  if (options.filter === undefined) errors.push(...[...kept.values()].flatMap((t) => prerequisiteErrors(t, [...kept.keys()])));
  const tracks = [...kept.values()].map((t) => t.track).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { tracks, lessons: [...kept.values()].flatMap((t) => t.lessons), errors };
}

async function loadTrack(lessonsDir: string, folder: NumberedFolder, filter: string | undefined): Promise<LoadedTrack | undefined> {
  const track: Track = { id: folder.slug, title: folder.slug, summary: '', order: folder.number, prerequisites: [], lessons: [] };
  const loaded: LoadedTrack = { folder: displayPath(folder.path), track, lessons: [], errors: [] };
  const badSlug = slugProblem(folder);
  if (badSlug) return { ...loaded, errors: [badSlug] };

  const lessonFolders = (await numberedFolders(folder.path)).filter((f) => filter === undefined || `${folder.slug}/${f.slug}`.includes(filter));
  if (filter !== undefined && lessonFolders.length === 0) return undefined;
  const [trackErrors, lessons] = await Promise.all([readTrackMd(folder, track), Promise.all(lessonFolders.map((f) => loadLesson(lessonsDir, folder.slug, f)))]);
  loaded.errors.push(...trackErrors);
  addLessons(loaded, lessonFolders, lessons);
  if (trackErrors[0]) markBroken(loaded, trackErrors[0]);
  return loaded;
}

/** Fills the track's title, summary, order and prerequisites from `track.md`; returns its problems. */
async function readTrackMd(folder: NumberedFolder, track: Track): Promise<LessonError[]> {
  const file = join(folder.path, 'track.md');
  const shown = displayPath(file);
  if (!existsSync(file)) return [{ file: shown, message: `is missing: every track folder needs a track.md with title and summary (its lessons cannot load without it)` }];
  const split = splitFrontmatter(await readFile(file, 'utf8'));
  if (!split.ok) return [{ file: shown, message: split.message }];
  const parsed = parseWith(trackFrontmatterSchema, split.data);
  if (!parsed.ok) return parsed.problems.map((p) => problemToError(shown, p));
  Object.assign(track, { title: parsed.value.title, summary: parsed.value.summary, order: parsed.value.order ?? folder.number, prerequisites: parsed.value.prerequisites });
  return [];
}

/** Adds each lesson's entry once; a second folder with the same slug is an error naming both. */
function addLessons(into: LoadedTrack, folders: NumberedFolder[], lessons: LoadedLesson[]): void {
  const firstFolder = new Map<string, NumberedFolder>();
  for (const [i, result] of lessons.entries()) {
    const folder = folders[i]!;
    const first = firstFolder.get(result.entry.id);
    if (first === undefined) {
      firstFolder.set(result.entry.id, folder);
      into.track.lessons.push(result.entry);
      into.errors.push(...result.errors);
      if (result.lesson) into.lessons.push(result.lesson);
      continue;
    }
    const error = { file: displayPath(folder.path), message: `has the same slug as ${displayPath(first.path)}: lesson id \`${result.entry.id}\` must be unique (rename one folder)` };
    into.errors.push(error);
    markBroken(into, error, result.entry.id);
  }
}

/** Shows a problem in dev on the lessons it concerns (all of the track by default), which stop loading. */
function markBroken(loaded: LoadedTrack, error: LessonError, lessonId?: string): void {
  const concerned = (id: string): boolean => lessonId === undefined || id === lessonId;
  loaded.track.lessons = loaded.track.lessons.map((entry) => (concerned(entry.id) && !entry.error ? { ...entry, error } : entry));
  loaded.lessons = loaded.lessons.filter((lesson) => !concerned(lesson.id));
}

/** A lesson whose checks.ts has a type error does not load: its checks would run on a wrong assumption. */
function markTypeErrors(tracks: LoadedTrack[]): LessonError[] {
  const checksFile = (lesson: AuthoredLesson): string => join(lesson.folder, 'checks.ts');
  const found = typecheckChecks(tracks.flatMap((t) => t.lessons.map(checksFile)));
  const errors: LessonError[] = [];
  for (const track of tracks) {
    for (const lesson of [...track.lessons]) {
      const lessonErrors = found.get(resolve(checksFile(lesson))) ?? [];
      errors.push(...lessonErrors);
      if (lessonErrors[0]) markBroken(track, lessonErrors[0], lesson.id);
    }
  }
  return errors;
}

function prerequisiteErrors({ folder, track }: LoadedTrack, trackIds: string[]): LessonError[] {
  return track.prerequisites
    .filter((prerequisite) => !trackIds.includes(prerequisite))
    .map((prerequisite) => ({
      file: `${folder}/track.md`,
      field: 'prerequisites',
      message: `field \`prerequisites\` names \`${prerequisite}\`, which is not a track id (known: ${trackIds.join(', ')})`,
    }));
}
