import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { LessonChecks } from '../checks/define.ts';
import { runSqlLessonChecks } from './sql-lesson-checks.ts';

const checks: LessonChecks = {
  checks: [
    { id: 'http', title: 'An HTTP check by mistake', steps: [{ request: { path: '/' } }] },
    { id: 'file', title: 'notes.md exists', file: { path: 'notes.md', contains: ['x'], message: 'Write notes.md.' } },
    {
      id: 'dataset',
      title: 'The dataset has one row',
      run: async (t) => {
        const db = await t.openDataset('hidden');
        t.expectEqual(db.exec('SELECT count(*) FROM t')[0]?.rows, [[1]], 'one row');
      },
    },
  ],
};

describe('runSqlLessonChecks', () => {
  it('runs file and dataset checks, and reports a check that needs a server as the checker’s error', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    const bytes = db.export();
    const results = await runSqlLessonChecks({
      sql: SQL,
      checksModule: 'unused: the importer below returns the checks',
      files: { 'query.sql': 'SELECT 1' },
      datasetBytes: async () => bytes,
      importModule: async () => ({ default: checks }),
    });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['http', 'error'],
      ['file', 'fail'],
      ['dataset', 'pass'],
    ]);
    expect(results[0]?.message).toContain('An HTTP check needs a running server');
    expect(results[1]?.message).toContain('notes.md does not exist');
  });

  it('resets no clock before each check, and says the clock and commands are not available here', async () => {
    const SQL = await initSqlJs();
    const results = await runSqlLessonChecks({
      sql: SQL,
      checksModule: 'unused',
      files: {},
      datasetBytes: async () => new Uint8Array(),
      importModule: async () => ({
        default: {
          checks: [
            { id: 'plain', title: 'p', run: () => {} },
            { id: 'clock', title: 'c', run: async (t) => void (await t.clock.advance(1000)) },
            { id: 'command', title: 'r', run: async (t) => void (await t.runCommand('node', ['--test'])) },
          ],
        } satisfies LessonChecks,
      }),
    });
    expect(results.map((r) => [r.id, r.status])).toEqual([['plain', 'pass'], ['clock', 'error'], ['command', 'error']]);
    expect(results[1]?.message).toContain('The clock is not available in sql lessons');
    expect(results[2]?.message).toContain('runCommand() is not available in sql lessons');
  });
});
