import { mkdtemp, writeFile, mkdir, cp, rm } from 'node:fs/promises';
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

  it('loads mutants and alternatives as complete trees: the solution overlaid with their files', async () => {
    const { lessons } = await loadCurriculum(`${FIXTURES}/valid`);
    const lesson = lessons.find((l) => l.id === 'apis/hello');
    expect(lesson?.mutants).toEqual([
      {
        name: 'wrong-message',
        mustFail: ['get-hello'],
        why: 'Answers with the wrong message, so the JSON body check must catch it.',
        files: { ...lesson?.solution, 'server.js': expect.stringContaining("message: 'hi'") },
      },
    ]);
    expect(lesson?.mutants[0]?.files).not.toHaveProperty('mutant.json');
    expect(lesson?.alternatives).toEqual([
      { name: 'router', why: 'Mounts the route on an express.Router instead of app.get.', files: { ...lesson?.solution, 'server.js': expect.stringContaining('express.Router()') } },
    ]);
    expect(lessons.find((l) => l.id === 'queries/count')).toMatchObject({ mutants: [], alternatives: [] });
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
    expect(entries).toHaveLength(12);
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

  it('reports a mutant.json without `why` and one naming an unknown check, with file and field', async () => {
    expect(await errorsOf('12-bad-mutant')).toEqual([
      { file: `${BROKEN}/12-bad-mutant/mutants/no-why/mutant.json`, field: 'why', message: 'field `why` is required' },
      {
        file: `${BROKEN}/12-bad-mutant/mutants/unknown-check/mutant.json`,
        field: 'mustFail',
        message: 'field `mustFail` names `nope`, which is not a check id in checks.ts (ids: root)',
      },
    ]);
  });
});

describe('loadCurriculum on edge cases in a temp folder', () => {
  /** A copy of the valid `01-apis` track beside the fixtures, at their depth, so their relative imports of src/checks still resolve. */
  async function inScratch(test: (dir: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(join(FIXTURES, '.scratch-'));
    try {
      await cp(`${FIXTURES}/valid/01-apis`, join(dir, '01-apis'), { recursive: true });
      await test(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('refuses a binary starter file', () =>
    inScratch(async (dir) => {
      await writeFile(join(dir, '01-apis/01-hello/starter/logo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff]));
      await writeFile(join(dir, '01-apis/01-hello/starter/.DS_Store'), new Uint8Array([0, 0, 0, 1]));
      const { errors } = await loadCurriculum(dir);
      expect(errors.some((e) => e.file.endsWith('starter/logo.png') && e.message.includes('not a UTF-8 text file'))).toBe(true);
      expect(errors.some((e) => e.file.endsWith('.DS_Store'))).toBe(false);
    }));

  it('reports a missing track.md on its lessons too, and an unknown prerequisite', () =>
    inScratch(async (dir) => {
      await mkdir(join(dir, '02-empty'));
      await writeFile(join(dir, '01-apis/track.md'), '---\ntitle: APIs\nsummary: s\nprerequisites: [nope]\n---\n');
      const { tracks, errors } = await loadCurriculum(dir);
      expect(tracks.map((t) => t.id)).toEqual(['apis', 'empty']);
      expect(errors.some((e) => e.file.endsWith('02-empty/track.md') && e.message.startsWith('is missing'))).toBe(true);
      expect(errors.some((e) => e.field === 'prerequisites' && e.message.includes('`nope`'))).toBe(true);

      await rm(join(dir, '01-apis/track.md'));
      const { lessons, tracks: after } = await loadCurriculum(dir);
      expect(lessons).toEqual([]);
      expect(after[0]?.lessons[0]?.error).toMatchObject({ file: expect.stringMatching(/01-apis\/track\.md$/), message: expect.stringMatching(/^is missing/) });
    }));

  it('reports two lesson folders with the same slug, naming both, on the lesson dev shows', () =>
    inScratch(async (dir) => {
      await cp(join(dir, '01-apis/01-hello'), join(dir, '01-apis/02-hello'), { recursive: true });
      const { lessons, tracks, errors } = await loadCurriculum(dir);
      const duplicate = errors.find((e) => e.message.includes('same slug'));
      expect(duplicate?.file).toMatch(/01-apis\/02-hello$/);
      expect(duplicate?.message).toMatch(/^has the same slug as .*01-apis\/01-hello: lesson id `apis\/hello` must be unique/);
      expect(tracks[0]?.lessons).toEqual([expect.objectContaining({ id: 'apis/hello', error: duplicate })]);
      expect(lessons.some((l) => l.id === 'apis/hello')).toBe(false);
    }));

  it('reports two track folders with the same id, naming both', () =>
    inScratch(async (dir) => {
      await cp(join(dir, '01-apis'), join(dir, '02-apis'), { recursive: true });
      const { tracks, errors } = await loadCurriculum(dir);
      const duplicate = errors.find((e) => e.message.includes('same track id'));
      expect(duplicate?.file).toMatch(/02-apis$/);
      expect(duplicate?.message).toMatch(/^has the same track id `apis` as .*01-apis;/);
      expect(tracks.map((t) => t.id)).toEqual(['apis']);
      expect(tracks[0]?.lessons[0]?.error).toEqual(duplicate);
    }));

  it('refuses a mutant.json that is not JSON, and a mutant that changes nothing', () =>
    inScratch(async (dir) => {
      const mutants = join(dir, '01-apis/01-hello/mutants');
      await writeFile(join(mutants, 'wrong-message/mutant.json'), '{ mustFail: [] ');
      await mkdir(join(mutants, 'same'));
      await writeFile(join(mutants, 'same/mutant.json'), '{ "mustFail": ["get-hello"], "why": "w" }');
      await cp(join(dir, '01-apis/01-hello/solution/server.js'), join(mutants, 'same/server.js'));
      const { errors } = await loadCurriculum(dir);
      expect(errors.find((e) => e.file.endsWith('wrong-message/mutant.json'))?.message).toMatch(/^is not valid JSON: /);
      expect(errors.find((e) => e.file.endsWith('mutants/same'))?.message).toMatch(/^changes nothing/);
    }));
});
