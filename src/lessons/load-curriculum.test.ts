import { mkdtemp, writeFile, mkdir, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculum } from './load-curriculum.ts';

const FIXTURES = 'tests/fixtures/lessons';
const BROKEN = `${FIXTURES}/broken/01-mixed`;

describe('loadCurriculum on a valid curriculum', () => {
  it('orders tracks by their `order` field and skips `_` and un-numbered folders', async () => {
    const { tracks, errors } = await loadCurriculum(`${FIXTURES}/valid`);
    expect(errors).toEqual([]);
    expect(tracks.map((t) => t.id)).toEqual(['queries', 'apis']);
    expect(tracks[0]).toMatchObject({ title: 'Queries', order: 1, prerequisites: ['apis'] });
    expect(tracks[1]?.lessons.map((l) => l.id)).toEqual(['apis/hello']);
  });

  it('loads a server lesson with defaults, highlighted html, starter, solution overlay and compiled checks', async () => {
    const { lessons } = await loadCurriculum(`${FIXTURES}/valid`);
    const lesson = lessons.find((l) => l.id === 'apis/hello');
    expect(lesson).toBeDefined();
    if (!lesson) return;
    expect(lesson.meta).toMatchObject({
      kind: 'server',
      mode: 'lesson',
      minutes: 10,
      port: 3000,
      start: { command: 'node', args: ['server.js'] },
      allowFileChanges: false,
      requests: [{ name: 'Say hello', method: 'GET', path: '/hello' }],
    });
    expect(lesson.html).toContain('<h1>Hello</h1>');
    expect(lesson.html).toMatch(/<pre class="shiki[^"]*"[^>]*>.*--shiki-dark/s);
    expect(lesson.html).toContain('plain block');
    expect(Object.keys(lesson.starter).sort()).toEqual(['public/index.html', 'server.js']);
    expect(lesson.starter['server.js']).toContain('TODO');
    expect(lesson.solution['server.js']).toContain("app.get('/hello'");
    expect(lesson.solution['public/index.html']).toBe(lesson.starter['public/index.html']);
    expect(lesson.checkList).toEqual([
      { id: 'get-hello', title: 'GET /hello answers {"message":"hello"}' },
      { id: 'uses-express', title: 'server.js uses express' },
    ]);
    expect(lesson.checksModule).not.toMatch(/^\s*import /m);
    const dataUrl = `data:text/javascript,${encodeURIComponent(lesson.checksModule)}`;
    const module = (await import(/* @vite-ignore */ dataUrl)) as { default: { checks: { id: string }[] } };
    expect(module.default.checks.map((c) => c.id)).toEqual(['get-hello', 'uses-express']);
  });

  it('loads a sql lesson naming an existing dataset', async () => {
    const { lessons } = await loadCurriculum(`${FIXTURES}/valid`);
    expect(lessons.find((l) => l.id === 'queries/count')?.meta).toMatchObject({ kind: 'sql', dataset: 'tiny', focus: 'query.sql' });
  });

  it('keeps only lessons whose id contains the filter', async () => {
    const { tracks, lessons } = await loadCurriculum(`${FIXTURES}/valid`, { filter: 'hello' });
    expect(lessons.map((l) => l.id)).toEqual(['apis/hello']);
    expect(tracks.map((t) => t.id)).toEqual(['apis']);
  });
});

describe('loadCurriculum on broken lessons', () => {
  const load = () => loadCurriculum(`${FIXTURES}/broken`);

  async function errorsOf(slug: string) {
    const { errors } = await load();
    return errors.filter((e) => e.file.includes(`/${slug}/`) || e.file.endsWith(`/${slug}`));
  }

  it('still loads the good lesson and keeps broken ones as entries with their error', async () => {
    const { tracks, lessons, errors } = await load();
    expect(lessons.map((l) => l.id)).toEqual(['mixed/good']);
    const entries = tracks[0]?.lessons ?? [];
    expect(entries).toHaveLength(11);
    expect(entries.filter((e) => e.error === undefined).map((e) => e.id)).toEqual(['mixed/good']);
    expect(entries.find((e) => e.id === 'mixed/wrong-type')?.title).toBe('Wrong type');
    for (const entry of entries.slice(1)) expect(errors).toContainEqual(entry.error);
  });

  it('reports bad YAML with the file and the line', async () => {
    const [error] = await errorsOf('02-bad-yaml');
    expect(error?.file).toBe(`${BROKEN}/02-bad-yaml/lesson.md`);
    expect(error?.message).toMatch(/^frontmatter is not valid YAML \(line \d+\)/);
  });

  it('reports a wrong type with the field and the value', async () => {
    expect(await errorsOf('03-wrong-type')).toEqual([
      { file: `${BROKEN}/03-wrong-type/lesson.md`, field: 'minutes', message: 'field `minutes` must be a number (got "ten")' },
    ]);
  });

  it('reports an unknown kind listing the allowed ones', async () => {
    expect(await errorsOf('04-unknown-kind')).toEqual([
      { file: `${BROKEN}/04-unknown-kind/lesson.md`, field: 'kind', message: 'field `kind` must be one of server, sql (got "srv")' },
    ]);
  });

  it('reports a missing checks.ts', async () => {
    const [error] = await errorsOf('05-no-checks');
    expect(error).toMatchObject({ file: `${BROKEN}/05-no-checks/checks.ts`, message: expect.stringMatching(/^is missing/) });
  });

  it('reports a checks.ts that throws on import, with its message', async () => {
    const [error] = await errorsOf('06-throws');
    expect(error).toEqual({ file: `${BROKEN}/06-throws/checks.ts`, message: 'throws when loaded: checks exploded' });
  });

  it('reports a focus file missing from starter/', async () => {
    const [error] = await errorsOf('07-missing-focus');
    expect(error).toMatchObject({ file: `${BROKEN}/07-missing-focus/lesson.md`, field: 'focus' });
    expect(error?.message).toContain('`app.js`');
  });

  it('reports a checks.ts that does not compile, with line and column', async () => {
    const [error] = await errorsOf('08-compile-error');
    expect(error?.message).toBe(`does not compile: ${BROKEN}/08-compile-error/checks.ts:3:24: Could not resolve "./missing-helper.ts"`);
  });

  it('reports duplicate check ids', async () => {
    const [error] = await errorsOf('09-duplicate-ids');
    expect(error?.message).toBe('check id `same` is used twice; ids must be unique in a lesson');
  });

  it('requires a dataset for sql lessons', async () => {
    const [error] = await errorsOf('10-sql-no-dataset');
    expect(error).toMatchObject({ field: 'dataset', message: expect.stringContaining('required for sql lessons') });
  });

  it('reports unknown fields and a missing solution/ together', async () => {
    const errors = await errorsOf('11-no-solution');
    expect(errors.map((e) => e.field ?? e.file)).toEqual(['typo', `${BROKEN}/11-no-solution/solution`]);
  });
});

describe('loadCurriculum on edge cases in a temp folder', () => {
  async function scratch(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-'));
    await cp(`${FIXTURES}/valid/01-apis`, join(dir, '01-apis'), { recursive: true });
    return dir;
  }

  it('refuses a binary starter file', async () => {
    const dir = await scratch();
    try {
      await writeFile(join(dir, '01-apis/01-hello/starter/logo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff]));
      await writeFile(join(dir, '01-apis/01-hello/starter/.DS_Store'), new Uint8Array([0, 0, 0, 1]));
      // The checks import define.ts relatively; in a temp dir that path breaks, so only the binary error is asserted.
      const { errors } = await loadCurriculum(dir);
      expect(errors.some((e) => e.file.endsWith('starter/logo.png') && e.message.includes('not a UTF-8 text file'))).toBe(true);
      expect(errors.some((e) => e.file.endsWith('.DS_Store'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing track.md and an unknown prerequisite', async () => {
    const dir = await scratch();
    try {
      await mkdir(join(dir, '02-empty'));
      await writeFile(join(dir, '01-apis/track.md'), '---\ntitle: APIs\nsummary: s\nprerequisites: [nope]\n---\n');
      const { tracks, errors } = await loadCurriculum(dir);
      expect(tracks.map((t) => t.id)).toEqual(['apis', 'empty']);
      expect(errors.some((e) => e.file.endsWith('02-empty/track.md') && e.message.startsWith('is missing'))).toBe(true);
      expect(errors.some((e) => e.field === 'prerequisites' && e.message.includes('`nope`'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
