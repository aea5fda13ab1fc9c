import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Lesson, Track } from '../lessons/types.ts';
import { scaffoldLesson } from './scaffold-lesson.ts';
import { buildErrorMessage, indexModuleCode, lessonModuleCode, lessonsPlugin, loadAppCurriculum } from './vite-plugin-lessons.ts';

const VALID = 'tests/fixtures/lessons/valid';
const BROKEN = 'tests/fixtures/lessons/broken';

async function importCode<T>(code: string): Promise<T> {
  return (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`)) as T;
}

describe('module generation', () => {
  const tracks: Track[] = [
    {
      id: 'apis',
      title: 'APIs',
      summary: '',
      order: 1,
      prerequisites: [],
      lessons: [
        { id: 'apis/ok', trackId: 'apis', slug: 'ok', title: 'OK', kind: 'server', mode: 'lesson', minutes: 5 },
        {
          id: 'apis/bad',
          trackId: 'apis',
          slug: 'bad',
          title: 'Bad',
          kind: 'server',
          mode: 'lesson',
          minutes: 5,
          error: { file: 'lessons/01-apis/02-bad/lesson.md', field: 'kind', message: 'field `kind` must be one of server, sql (got "srv")' },
        },
      ],
    },
  ];
  // The lesson import cannot resolve outside Vite, so only the code paths that never import it run here.
  const index = () => importCode<{ tracks: Track[]; loadLesson(id: string): Promise<Lesson> }>(indexModuleCode(tracks, ['apis/ok']));

  it('exports the tracks as data and lazy-imports each loadable lesson', async () => {
    expect((await index()).tracks).toEqual(tracks);
    expect(indexModuleCode(tracks, ['apis/ok'])).toContain('import("virtual:lessons/lesson/apis/ok")');
    expect(indexModuleCode(tracks, ['apis/ok'])).not.toContain('virtual:lessons/lesson/apis/bad');
  });

  it('rejects an unknown id and names the problem of a broken one', async () => {
    const { loadLesson } = await index();
    await expect(loadLesson('apis/nope')).rejects.toThrow('Unknown lesson apis/nope');
    await expect(loadLesson('apis/bad')).rejects.toThrow(
      'Lesson apis/bad is broken: lessons/01-apis/02-bad/lesson.md: field `kind` must be one of server, sql (got "srv")',
    );
  });

  it('puts a lesson in its own module as the default export', async () => {
    const { lessons } = await loadAppCurriculum(VALID, '/');
    const lesson = lessons.get('apis/hello');
    expect(lesson).toBeDefined();
    if (lesson) expect((await importCode<{ default: Lesson }>(lessonModuleCode(lesson))).default).toEqual(lesson);
  });
});

describe('loadAppCurriculum', () => {
  it('gives sql lessons URLs of both dataset variants, with the files to serve', async () => {
    const { lessons, datasets, errors } = await loadAppCurriculum(VALID, '/app/');
    expect(errors).toEqual([]);
    const urls = lessons.get('queries/count')?.datasetUrls;
    expect(urls?.visible).toMatch(/^\/app\/datasets\/tiny\.visible\.[0-9a-f]{8}\.sqlite$/);
    expect(urls?.hidden).toMatch(/^\/app\/datasets\/tiny\.hidden\.[0-9a-f]{8}\.sqlite$/);
    expect([...datasets.keys()].sort()).toEqual([urls?.hidden.slice(5), urls?.visible.slice(5)].sort());
    expect(lessons.get('apis/hello')?.datasetUrls).toBeUndefined();
  });

  it('formats every error for the build with file and message', async () => {
    const { errors } = await loadAppCurriculum(BROKEN, '/');
    const message = buildErrorMessage(errors);
    expect(message).toMatch(/^13 lesson problems/);
    expect(message).toContain('tests/fixtures/lessons/broken/01-mixed/04-unknown-kind/lesson.md: field `kind` must be one of server, sql (got "srv")');
  });
});

describe('author-only material', () => {
  it('strips mutants and alternatives from every lesson the app gets, keeping the solution', async () => {
    const { lessons } = await loadAppCurriculum(VALID, '/');
    const lesson = lessons.get('apis/hello');
    expect(lesson?.solution['server.js']).toContain("app.get('/hello'");
    expect(lesson).not.toHaveProperty('mutants');
    expect(lesson).not.toHaveProperty('alternatives');
    const code = lesson ? lessonModuleCode(lesson) : '';
    for (const authorOnly of ['wrong-message', "message: 'hi'", 'express.Router()']) expect(code).not.toContain(authorOnly);
  });
});

describe('lessonsPlugin in a real Vite build', () => {
  async function buildWith(lessonsDir: string): Promise<string> {
    const outDir = await mkdtemp(join(tmpdir(), 'lessons-build-'));
    const entry = join(outDir, 'entry.js');
    await writeFile(entry, "export { tracks, loadLesson } from 'virtual:lessons';\n");
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [lessonsPlugin({ lessonsDir })],
      build: {
        outDir: join(outDir, 'dist'),
        emptyOutDir: true,
        rollupOptions: { input: entry, output: { entryFileNames: 'entry.js' }, preserveEntrySignatures: 'strict' },
      },
    });
    return outDir;
  }

  it('emits lessons as separate chunks and the datasets as assets', async () => {
    const outDir = await buildWith(VALID);
    try {
      const dist = join(outDir, 'dist');
      const { tracks, loadLesson } = (await import(pathToFileURL(join(dist, 'entry.js')).href)) as {
        tracks: Track[];
        loadLesson(id: string): Promise<Lesson>;
      };
      expect(tracks.map((t) => t.id)).toEqual(['queries', 'apis']);
      const chunks = (await readdir(join(dist, 'assets'))).filter((f) => f.endsWith('.js'));
      expect(chunks.length).toBeGreaterThanOrEqual(2);
      const lesson = await loadLesson('queries/count');
      expect(lesson.checkList.map((c) => c.id)).toEqual(['count-people']);
      const datasets = await readdir(join(dist, 'datasets'));
      expect(datasets.map((f) => `/datasets/${f}`).sort()).toEqual([lesson.datasetUrls?.hidden, lesson.datasetUrls?.visible].sort());
      await expect(loadLesson('queries/nope')).rejects.toThrow('Unknown lesson queries/nope');
      // The fixture's mutant and alternative must not reach any emitted file; its solution must.
      const emitted = (await Promise.all([join(dist, 'entry.js'), ...chunks.map((f) => join(dist, 'assets', f))].map((f) => readFile(f, 'utf8')))).join('\n');
      expect(emitted).toContain("app.get('/hello'");
      for (const authorOnly of ['wrong-message', "message: 'hi'", 'express.Router()', 'Mounts the route']) expect(emitted).not.toContain(authorOnly);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('fails the build naming each broken lesson file', async () => {
    await expect(buildWith(BROKEN)).rejects.toThrow(/08-compile-error\/checks\.ts: does not compile/);
  });
});

describe('lessonsPlugin in the dev server', () => {
  it('serves datasets, reloads on a lesson change, and shows a broken lesson as data while the others still load', async () => {
    const lessonsDir = await mkdtemp(join(tmpdir(), 'lessons-dev-'));
    await scaffoldLesson(lessonsDir, 'apis', 'one');
    const two = await scaffoldLesson(lessonsDir, 'apis', 'two');
    // A sql lesson from the fixtures, its checks import re-pointed from this folder depth.
    await cp(`${VALID}/02-queries`, join(lessonsDir, '02-queries'), { recursive: true });
    await cp(`${VALID}/_datasets`, join(lessonsDir, '_datasets'), { recursive: true });
    const defineImport = /from '([^']+)'/.exec(await readFile(join(two.lessonDir, 'checks.ts'), 'utf8'))?.[1] ?? '';
    const sqlChecks = join(lessonsDir, '02-queries', '01-count', 'checks.ts');
    await writeFile(sqlChecks, (await readFile(sqlChecks, 'utf8')).replace(/from '[^']+'/, `from '${defineImport}'`));

    const server = await createServer({ configFile: false, logLevel: 'silent', plugins: [lessonsPlugin({ lessonsDir })], server: { port: 0 } });
    await server.listen();
    const base = server.resolvedUrls?.local[0] ?? '';
    const indexCode = async () => (await server.environments.client.transformRequest('virtual:lessons'))?.code ?? '';
    try {
      const urls = (await loadAppCurriculum(lessonsDir, '/')).lessons.get('queries/count')?.datasetUrls;
      const response = await fetch(new URL(urls?.hidden.slice(1) ?? 'missing', base));
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);

      expect(await indexCode()).toContain('"apis/two": () => import(');

      await writeFile(join(two.lessonDir, 'lesson.md'), '---\ntitle: Two\nsummary: s\nkind: srv\nfocus: server.js\n---\n');
      await expect.poll(indexCode, { timeout: 10_000, interval: 100 }).toContain('field `kind` must be one of server, sql (got \\"srv\\")');
      const code = await indexCode();
      expect(code).not.toContain('"apis/two": () => import(');
      expect(code).toContain('"apis/one": () => import(');
    } finally {
      await server.close();
      await rm(lessonsDir, { recursive: true, force: true });
    }
  });
});
