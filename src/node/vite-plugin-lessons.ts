/**
 * `virtual:lessons`: the curriculum as typed data for the app (see src/lessons/virtual-modules.d.ts).
 *
 * The index module holds the tracks only (small, loaded eagerly); each lesson's contents is
 * its own virtual module behind a dynamic import, so it lands in its own chunk. `sql`
 * lessons' datasets are served in dev and emitted as assets in the build.
 *
 * Dev: a change under lessons/ reloads the curriculum and the page; a broken lesson shows its
 * error as data (entry.error) and the server keeps running. Build: any lesson error fails it.
 *
 * Only what the learner may see ships: a lesson's mutants and alternatives (author-only, for
 * `lessons:verify`) are stripped here, before any module is generated.
 */
import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { formatLessonError } from '../lessons/format-lesson-error.ts';
import { displayPath } from '../lessons/display-path.ts';
import { loadCurriculum } from '../lessons/load-curriculum.ts';
import type { AuthoredLesson, Lesson, LessonError, Track } from '../lessons/types.ts';
import { errorText } from '../shared/error-text.ts';
import { datasetBytes, type DatasetVariant } from './datasets.ts';

const INDEX_ID = 'virtual:lessons';
const LESSON_PREFIX = 'virtual:lessons/lesson/';
const RESOLVED_PREFIX = '\0';
const VARIANTS: DatasetVariant[] = ['visible', 'hidden'];

/** One SQLite file the app fetches: `datasets/shop.visible.<hash>.sqlite`. */
interface DatasetFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Everything the virtual modules are generated from, loaded once per change. */
export interface AppCurriculum {
  tracks: Track[];
  lessons: Map<string, Lesson>;
  errors: LessonError[];
  /** By `fileName`. */
  datasets: Map<string, DatasetFile>;
}

/** The index module: tracks inline, one lazy import per loadable lesson. */
export function indexModuleCode(tracks: Track[], lessonIds: string[]): string {
  const loaders = lessonIds.map((id) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(LESSON_PREFIX + id)}),`).join('\n');
  return `export const tracks = ${JSON.stringify(tracks)};

const loaders = {
${loaders}
};

export async function loadLesson(id) {
  if (Object.hasOwn(loaders, id)) return (await loaders[id]()).default;
  const entry = tracks.flatMap((track) => track.lessons).find((lesson) => lesson.id === id);
  if (entry?.error) throw new Error(\`Lesson \${id} is broken: \${entry.error.file}: \${entry.error.message}\`);
  throw new Error(\`Unknown lesson \${id}\`);
}
`;
}

/** One lesson's module: its data, as the default export. */
export function lessonModuleCode(lesson: Lesson): string {
  return `export default ${JSON.stringify(lesson)};\n`;
}

/** The lesson as the browser may see it: without the author-only mutants and alternatives. */
function shippedLesson(lesson: AuthoredLesson): Lesson {
  const { mutants: _mutants, alternatives: _alternatives, folder: _folder, ...shipped } = lesson;
  return shipped;
}

function datasetFileName(name: string, variant: DatasetVariant, bytes: Uint8Array): string {
  // Content-hashed, so a changed dataset is never served from a stale browser cache.
  return `datasets/${name}.${variant}.${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.sqlite`;
}

/** Loads the curriculum and builds each sql lesson's datasets; a failing dataset breaks only its lessons. */
export async function loadAppCurriculum(lessonsDir: string, base: string, options: { typecheck?: boolean } = {}): Promise<AppCurriculum> {
  const curriculum = await loadCurriculum(lessonsDir, options);
  const errors = [...curriculum.errors];
  const datasets = new Map<string, DatasetFile>();
  const urlsByName = new Map<string, { visible: string; hidden: string } | LessonError>();

  for (const name of new Set(curriculum.lessons.flatMap((l) => (l.meta.dataset ? [l.meta.dataset] : [])))) {
    try {
      const urls = { visible: '', hidden: '' };
      for (const variant of VARIANTS) {
        const bytes = await datasetBytes(lessonsDir, name, variant);
        const fileName = datasetFileName(name, variant, bytes);
        datasets.set(fileName, { fileName, bytes });
        urls[variant] = `${base}${fileName}`;
      }
      urlsByName.set(name, urls);
    } catch (error) {
      const problem: LessonError = {
        file: displayPath(join(lessonsDir, '_datasets', `${name}.ts`)),
        message: errorText(error),
      };
      urlsByName.set(name, problem);
      errors.push(problem);
    }
  }

  const lessons = new Map<string, Lesson>();
  const broken = new Map<string, LessonError>();
  for (const lesson of curriculum.lessons.map(shippedLesson)) {
    const urls = lesson.meta.dataset ? urlsByName.get(lesson.meta.dataset) : undefined;
    if (urls && 'file' in urls) broken.set(lesson.id, urls);
    else lessons.set(lesson.id, urls ? { ...lesson, datasetUrls: urls } : lesson);
  }
  const tracks = curriculum.tracks.map((track) => ({
    ...track,
    lessons: track.lessons.map((entry) => {
      const error = broken.get(entry.id);
      return error ? { ...entry, error } : entry;
    }),
  }));
  return { tracks, lessons, errors, datasets };
}

export function buildErrorMessage(errors: LessonError[]): string {
  return `${errors.length} lesson problem${errors.length === 1 ? '' : 's'} (fix them, then build again):\n${errors.map((e) => `  ${formatLessonError(e)}`).join('\n')}`;
}

export interface LessonsPluginOptions {
  /** Default: `<vite root>/lessons`. */
  lessonsDir?: string;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  let lessonsDir = '';
  let current: Promise<AppCurriculum> | undefined;
  const emitted = new Set<string>();

  const curriculum = (): Promise<AppCurriculum> => {
    // The build type-checks every checks.ts; dev skips it so a save reloads in a blink (the editor shows type errors).
    current ??= loadAppCurriculum(lessonsDir, config.base, { typecheck: config.command === 'build' }).then((loaded) => {
      if (config.command === 'serve' && loaded.errors.length > 0) config.logger.warn(buildErrorMessage(loaded.errors), { timestamp: true });
      return loaded;
    });
    return current;
  };

  function watch(server: ViteDevServer): void {
    server.watcher.add(lessonsDir);
    let timer: ReturnType<typeof setTimeout> | undefined;
    server.watcher.on('all', (_event, file) => {
      if (!resolve(file).startsWith(lessonsDir + sep)) return;
      // Editors write several files per save; one reload for the burst is enough.
      clearTimeout(timer);
      timer = setTimeout(() => {
        current = undefined;
        const graph = server.environments.client.moduleGraph;
        for (const [id, module] of graph.idToModuleMap) {
          if (id.startsWith(RESOLVED_PREFIX + INDEX_ID)) graph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      }, 50);
    });
  }

  return {
    name: 'playground-lessons',
    configResolved(resolved) {
      config = resolved;
      lessonsDir = resolve(options.lessonsDir ?? join(resolved.root, 'lessons'));
    },
    async buildStart() {
      emitted.clear();
      if (config.command !== 'build') return;
      const { errors } = await curriculum();
      if (errors.length > 0) this.error(buildErrorMessage(errors));
    },
    configureServer(server) {
      watch(server);
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(`${config.base}datasets/`)) return next();
        curriculum().then((loaded) => {
          const file = loaded.datasets.get(path.slice(config.base.length));
          if (!file) return next();
          res.setHeader('Content-Type', 'application/vnd.sqlite3');
          res.end(file.bytes);
        }, next);
      });
    },
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(LESSON_PREFIX)) return RESOLVED_PREFIX + id;
      return undefined;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED_PREFIX + INDEX_ID)) return undefined;
      const loaded = await curriculum();
      if (id === RESOLVED_PREFIX + INDEX_ID) return indexModuleCode(loaded.tracks, [...loaded.lessons.keys()]);
      const lessonId = id.slice((RESOLVED_PREFIX + LESSON_PREFIX).length);
      const lesson = loaded.lessons.get(lessonId);
      if (!lesson) return this.error(`Unknown lesson ${lessonId}`);
      if (config.command === 'build' && lesson.datasetUrls) {
        for (const url of Object.values(lesson.datasetUrls)) {
          const file = loaded.datasets.get(url.slice(config.base.length));
          if (file && !emitted.has(file.fileName)) {
            emitted.add(file.fileName);
            this.emitFile({ type: 'asset', fileName: file.fileName, source: file.bytes });
          }
        }
      }
      return lessonModuleCode(lesson);
    },
  };
}
