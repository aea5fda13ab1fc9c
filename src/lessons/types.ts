/**
 * Lesson data as the app and the engine see it. Produced by the loader (src/lessons) from
 * `lessons/<NN-track>/<NN-lesson>/` folders; the frontmatter types come from the schema beside it.
 * `Lesson` is what ships to the browser; `AuthoredLesson` adds the author-only material
 * (mutants, alternatives) that only Node tools such as `lessons:verify` see.
 */
import type { z } from 'zod';
import type { UpstreamUse } from '../checks/upstream-use.ts';
import type { exampleRequestSchema, lessonFrontmatterSchema } from './schema.ts';

/** Validated frontmatter of `lesson.md`: the schema's output, so the two can never drift. */
export type LessonMeta = z.output<typeof lessonFrontmatterSchema>;
export type LessonKind = LessonMeta['kind'];
export type LessonMode = LessonMeta['mode'];
/** A request the HTTP client panel offers pre-filled. */
export type ExampleRequest = z.output<typeof exampleRequestSchema>;

/** A summary enough to render navigation; contents load lazily. */
export interface LessonEntry {
  /** `<track-slug>/<lesson-slug>`, e.g. `apis/first-route`: the URL and the progress key. */
  id: string;
  trackId: string;
  slug: string;
  title: string;
  kind: LessonKind;
  mode: LessonMode;
  minutes: number;
  /** Set when the lesson folder is broken: what and where, for the author. */
  error?: LessonError;
}

export interface Lesson extends LessonEntry {
  meta: LessonMeta;
  /** The lesson text, rendered from Markdown at build time. */
  html: string;
  /** The learner's starting files. */
  starter: Record<string, string>;
  /** Starter overlaid with the solution: the complete reference answer. */
  solution: Record<string, string>;
  /** `checks.ts` compiled to a self-contained ES module (source text). */
  checksModule: string;
  /** Ids and titles of the checks, for the checks panel before the first run. */
  checkList: CheckListEntry[];
  /** Whether the server starts with upstream fakes, and the lesson's own (from the compiled checks). */
  upstream: UpstreamUse;
  /** `sql` lessons: URLs (served by the app) of the dataset's two SQLite variants. */
  datasetUrls?: { visible: string; hidden: string };
}

/** `mutants/<name>/`: the solution with one rule broken, and the checks that must catch it. */
export interface LessonMutant {
  name: string;
  /** Ids of the checks this mutant must fail (from `mutant.json`). */
  mustFail: string[];
  /** The rule it breaks, in one sentence a reviewer can read. */
  why: string;
  /** The solution overlaid with the mutant's files: a complete tree, like `solution`. */
  files: Record<string, string>;
}

/** `alternatives/<name>/`: a correct solution written differently, which must pass every check. */
export interface LessonAlternative {
  name: string;
  why?: string;
  /** The solution overlaid with the alternative's files: a complete tree. */
  files: Record<string, string>;
}

/** A lesson with its author-only material. Never shipped to the browser (the Vite plugin strips it). */
export interface AuthoredLesson extends Lesson {
  /** Absolute path of the lesson folder, for tools that read more of it (the type-checker). */
  folder: string;
  mutants: LessonMutant[];
  alternatives: LessonAlternative[];
}

export interface Track {
  id: string;
  title: string;
  summary: string;
  order: number;
  /** Track ids a learner should finish first. */
  prerequisites: string[];
  lessons: LessonEntry[];
}

export interface LessonError {
  /** Repo-relative path of the file at fault. */
  file: string;
  /** Frontmatter field at fault, when there is one. */
  field?: string;
  /** 1-based position in `file`, when known (a checks.ts compile or type error). */
  line?: number;
  column?: number;
  message: string;
}

/** A check as the checks panel and the assessment score know it before (and without) running it. */
export interface CheckListEntry {
  id: string;
  title: string;
  /** Assessments: the id of the lesson whose skill this check grades. */
  skill?: string;
  /** Assessments: what the check counts towards the score (default 1). */
  weight?: number;
}
