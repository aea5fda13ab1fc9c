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
});
