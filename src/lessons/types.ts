/**
 * Lesson data as the app and the engine see it. Produced by the loader (src/lessons) from
 * `lessons/<NN-track>/<NN-lesson>/` folders; the frontmatter schema lives beside it.
 */
import type { HttpMethod } from '../checks/define.ts';

export type LessonKind = 'server' | 'sql';
export type LessonMode = 'lesson' | 'assessment';

/** A request the HTTP client panel offers pre-filled. */
export interface ExampleRequest {
  name?: string;
  method: HttpMethod;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Validated frontmatter of `lesson.md`. */
export interface LessonMeta {
  title: string;
  summary: string;
  kind: LessonKind;
  mode: LessonMode;
  /** The file the editor opens first. */
  focus: string;
  minutes: number;
  /** Revealed one at a time, in order. Hidden in assessments until submitted. */
  hints: string[];
  /** `server` lessons: how the runtime starts the learner's server. */
  start: { command: string; args: string[] };
  /** `server` lessons: the port the learner's server listens on. */
  port: number;
  /** `sql` lessons: the dataset the learner's queries run against (e.g. `shop`). */
  dataset?: string;
  /** Whether the learner may create, rename and delete files. */
  allowFileChanges: boolean;
  requests: ExampleRequest[];
}

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
  checkList: { id: string; title: string }[];
  /** `sql` lessons: URLs (served by the app) of the dataset's two SQLite variants. */
  datasetUrls?: { visible: string; hidden: string };
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
  message: string;
}
