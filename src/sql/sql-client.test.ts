import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/result.ts';
import { SqlClient } from './sql-client.ts';
import { InProcessSqlWorker } from '../../tests/support/in-process-sql-worker.ts';

const datasets = new Map<string, Uint8Array>();

beforeAll(async () => {
  const SQL = await initSqlJs();
  for (const [variant, names] of [['visible', ['Ada', 'Linus']], ['hidden', ['Grace', 'Ken', 'Barbara']]] as const) {
    const db = new SQL.Database();
    db.run('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, city TEXT)');
    names.forEach((name, i) => db.run('INSERT INTO people (name, city) VALUES (?, ?)', [name, i === 0 ? null : 'Oslo']));
    datasets.set(`http://app.test/datasets/people.${variant}.sqlite`, db.export());
    db.close();
  }
});

const CHECKS_MODULE = `export default { checks: [
  { id: 'names', title: 'Lists every name', hint: 'SELECT name FROM people', sql: { file: 'query.sql', reference: 'SELECT name FROM people' } },
  { id: 'mentions-people', title: 'Uses the people table', file: { path: 'query.sql', contains: ['people'], message: 'Query the people table.' } },
] };`;

const job = (query: string) => ({
  checksModule: CHECKS_MODULE,
  datasetUrls: { visible: 'http://app.test/datasets/people.visible.sqlite', hidden: 'http://app.test/datasets/people.hidden.sqlite' },
  files: { 'query.sql': query },
});

describe('SqlClient', () => {
  it('opens a database from bytes and runs queries, listing tables and pages', async () => {
    const client = new SqlClient(() => new InProcessSqlWorker(datasets));
    await client.open('people', datasets.get('http://app.test/datasets/people.visible.sqlite') ?? new Uint8Array());
    await expect(client.exec('people', 'SELECT name, city FROM people ORDER BY id')).resolves.toMatchObject({
      ok: true,
      columns: ['name', 'city'],
      rows: [['Ada', null], ['Linus', 'Oslo']],
      rowCount: 2,
    });
    await expect(client.tables('people')).resolves.toMatchObject([{ name: 'people', rowCount: 2 }]);
    await expect(client.rows('people', 'people', 1, 10)).resolves.toMatchObject({ rows: [[2, 'Linus', 'Oslo']], total: 2 });
  });

  it('rejects with the worker’s message when a request cannot be served', async () => {
    const client = new SqlClient(() => new InProcessSqlWorker(datasets));
    await expect(client.tables('never-opened')).rejects.toThrow('No database is open under the name "never-opened"');
    await expect(client.runChecks({ ...job('SELECT 1'), datasetUrls: { visible: 'http://app.test/missing.sqlite', hidden: 'http://app.test/missing.sqlite' } })).resolves.toMatchObject({
      results: [{ id: 'names', status: 'error', message: expect.stringContaining('404 http://app.test/missing.sqlite') }, { id: 'mentions-people' }],
    });
  });

  it('runs fresh on a copy of what was opened, so runs do not pile up', async () => {
    const client = new SqlClient(() => new InProcessSqlWorker(datasets));
    await client.open('visible', datasets.get('http://app.test/datasets/people.visible.sqlite')!);
    await client.exec('visible', 'DELETE FROM people', { fresh: true });
    await expect(client.exec('visible', 'SELECT count(*) AS n FROM people', { fresh: true })).resolves.toMatchObject({ rows: [[2]] });
  });

  it('runs a sql lesson’s checks on both datasets and streams the results', async () => {
    const client = new SqlClient(() => new InProcessSqlWorker(datasets));
    const streamed: CheckResult[] = [];
    const passing = await client.runChecks(job('SELECT name FROM people;'), (result) => streamed.push(result));
    expect(passing).toMatchObject({ passed: 2, failed: 0 });
    expect(streamed.map((r) => [r.id, r.status])).toEqual([['names', 'pass'], ['mentions-people', 'pass']]);

    const hardCoded = await client.runChecks(job("SELECT 'Ada' AS name UNION ALL SELECT 'Linus'"));
    expect(hardCoded.results[0]).toMatchObject({ id: 'names', status: 'fail', hint: 'SELECT name FROM people' });
    expect(hardCoded.results[1]).toMatchObject({ id: 'mentions-people', status: 'fail', message: expect.stringContaining('Query the people table.') });

    const broken = await client.runChecks(job('SELECT name FORM people'));
    expect(broken.results[0]?.status).toBe('fail');
    expect(broken.results[0]?.message).toContain('query.sql:1:');
  });

  it('stops a worker stuck in a query and re-opens its databases in a new one', async () => {
    const workers: InProcessSqlWorker[] = [];
    let hang = true;
    const client = new SqlClient(() => {
      const worker = new InProcessSqlWorker(datasets, hang ? 'exec' : undefined);
      workers.push(worker);
      return worker;
    });
    await client.open('visible', datasets.get('http://app.test/datasets/people.visible.sqlite')!);
    await expect(client.exec('visible', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n', { timeoutMs: 50 })).rejects.toThrow(
      'The query ran for more than 0.05 s and was stopped',
    );
    expect(workers[0]?.terminated).toBe(true);
    hang = false;
    await expect(client.exec('visible', 'SELECT count(*) FROM people')).resolves.toMatchObject({ rows: [[2]] });
    expect(workers).toHaveLength(2);
    expect(workers[1]?.received[0]).toMatchObject({ type: 'open', handle: 'visible' });
  });

  it('fails every pending call with a clear message when the worker cannot load', async () => {
    let worker: InProcessSqlWorker | undefined;
    const client = new SqlClient(() => {
      worker = new InProcessSqlWorker(datasets, 'exec');
      return worker;
    });
    const pending = client.exec('x', 'SELECT 1');
    worker?.onerror?.({ message: 'Failed to fetch module' } as ErrorEvent);
    await expect(pending).rejects.toThrow('The SQL worker failed: Failed to fetch module');
  });
});
