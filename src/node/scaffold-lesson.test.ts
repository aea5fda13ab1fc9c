import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCurriculum } from '../lessons/load-curriculum.ts';
import { freePort } from '../agent/free-port.ts';
import { scaffoldLesson } from './scaffold-lesson.ts';

// Inside the repo, so the scaffolded server.js resolves express from the root node_modules.
const SCRATCH_ROOT = 'node_modules/.cache/playground/scaffold-tests';

let lessonsDir = '';
beforeEach(async () => {
  await mkdir(SCRATCH_ROOT, { recursive: true });
  lessonsDir = await mkdtemp(join(SCRATCH_ROOT, 'lessons-'));
});
afterEach(async () => rm(lessonsDir, { recursive: true, force: true }));

/** Starts `server.js` from a folder with PORT set and returns GET /health's status and body. */
async function getHealth(dir: string): Promise<{ status: number; body: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server.js'], { cwd: dir, env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        return { status: response.status, body: await response.text() };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`server in ${dir} never listened on PORT ${port}`);
  } finally {
    child.kill();
  }
}

describe('scaffoldLesson', () => {
  it('creates a new track and a lesson that loads with no errors', async () => {
    const result = await scaffoldLesson(lessonsDir, 'apis', 'status-codes');
    expect(result.createdTrack).toBe(true);
    expect(result.lessonDir).toBe(join(lessonsDir, '01-apis', '01-status-codes'));
    const { lessons, errors, tracks } = await loadCurriculum(lessonsDir);
    expect(errors).toEqual([]);
    expect(tracks.map((t) => t.title)).toEqual(['Apis']);
    expect(lessons[0]).toMatchObject({ id: 'apis/status-codes', kind: 'server', checkList: [{ id: 'health-ok' }] });
    expect(lessons[0]?.meta.focus).toBe('server.js');
  });

  it('numbers the next lesson after the existing ones and reuses the track folder', async () => {
    await scaffoldLesson(lessonsDir, 'apis', 'first');
    const second = await scaffoldLesson(lessonsDir, 'apis', 'second');
    expect(second.createdTrack).toBe(false);
    expect(second.lessonDir).toBe(join(lessonsDir, '01-apis', '02-second'));
    const other = await scaffoldLesson(lessonsDir, 'auth', 'login');
    expect(other.lessonDir).toBe(join(lessonsDir, '02-auth', '01-login'));
    expect((await loadCurriculum(lessonsDir)).errors).toEqual([]);
  });

  it('writes a starter that fails the check and a solution that passes it, both listening on PORT', async () => {
    const { lessonDir } = await scaffoldLesson(lessonsDir, 'apis', 'health');
    expect(await getHealth(join(lessonDir, 'starter'))).toMatchObject({ status: 404 });
    expect(await getHealth(join(lessonDir, 'solution'))).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect(await readFile(join(lessonDir, 'starter', 'server.js'), 'utf8')).toContain('TODO');
  });

  it('refuses an existing slug and bad names with a clear message', async () => {
    await scaffoldLesson(lessonsDir, 'apis', 'health');
    await expect(scaffoldLesson(lessonsDir, 'apis', 'health')).rejects.toThrow(/Lesson apis\/health already exists: .*01-health\. Pick another slug\./);
    await expect(scaffoldLesson(lessonsDir, 'APIs', 'x')).rejects.toThrow('Bad track "APIs": use lower-case words joined by dashes');
    await expect(scaffoldLesson(lessonsDir, 'apis', '03-thing')).rejects.toThrow(/^Bad lesson slug "03-thing"/);
    expect(existsSync(join(lessonsDir, '02-apis'))).toBe(false);
  });

  it('scaffolds an example mutant and alternative that load, and a sql lesson on the shop dataset', async () => {
    await scaffoldLesson(lessonsDir, 'apis', 'health');
    await scaffoldLesson(lessonsDir, 'databases', 'cheap-things', 'sql');
    // The sql scaffold queries the real shop dataset.
    await cp('lessons/_datasets', join(lessonsDir, '_datasets'), { recursive: true });
    const { lessons, errors } = await loadCurriculum(lessonsDir);
    expect(errors).toEqual([]);
    const server = lessons.find((l) => l.id === 'apis/health');
    expect(server?.mutants.map((m) => ({ name: m.name, mustFail: m.mustFail }))).toEqual([{ name: 'wrong-body', mustFail: ['health-ok'] }]);
    expect(server?.alternatives.map((a) => a.name)).toEqual(['router']);
    const sql = lessons.find((l) => l.id === 'databases/cheap-things');
    expect(sql).toMatchObject({ kind: 'sql', checkList: [{ id: 'matches-reference' }] });
    expect(sql?.meta.dataset).toBe('shop');
    expect(sql?.mutants.map((m) => m.name)).toEqual(['no-tie-break']);
    expect(sql?.alternatives[0]?.files['query.sql']).toContain('ORDER BY 2, 1');
  });
});
