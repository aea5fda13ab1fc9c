import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessSqlWorker } from '../../../tests/support/in-process-sql-worker.ts';
import { SqlClient } from '../../sql/sql-client.ts';
import { DbBrowserStore, PAGE_SIZE } from './db-browser-store.ts';

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  SQL = await initSqlJs();
});

/** A learner database file as the agent would return it. */
function databaseWith(script: string): Uint8Array {
  const db = new SQL.Database();
  db.run(script);
  const bytes = db.export();
  db.close();
  return bytes;
}

const client = () => new SqlClient(() => new InProcessSqlWorker());

describe('DbBrowserStore', () => {
  it('says when the learner’s server has not saved a database yet, then shows it once it exists', async () => {
    let file: Uint8Array | undefined;
    const store = new DbBrowserStore(client(), 'learner', async () => file);
    await store.refresh();
    expect(store.status.value).toBe('missing');

    file = databaseWith("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('Ada');");
    await store.refresh();
    expect(store.status.value).toBe('ready');
    expect(store.tables.value.map((t) => [t.name, t.rowCount])).toEqual([['users', 1]]);
    expect(store.selected.value).toBe('users');
    expect(store.page.value?.rows).toEqual([[1, 'Ada']]);
  });

  it('keeps the selected table and page across refreshes and shows new rows', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `(${i + 1})`).join(',');
    let file = databaseWith(`CREATE TABLE a (x); CREATE TABLE b (n INTEGER); INSERT INTO b VALUES ${rows(PAGE_SIZE + 10)};`);
    const store = new DbBrowserStore(client(), 'learner', async () => file);
    await store.refresh();
    expect(store.selected.value).toBe('a');
    await store.select('b');
    await store.showPage(PAGE_SIZE);
    expect(store.page.value).toMatchObject({ offset: PAGE_SIZE, total: PAGE_SIZE + 10 });
    expect(store.page.value?.rows).toHaveLength(10);

    file = databaseWith(`CREATE TABLE b (n INTEGER); INSERT INTO b VALUES ${rows(PAGE_SIZE + 11)};`);
    await store.refresh();
    expect(store.selected.value).toBe('b');
    expect(store.page.value).toMatchObject({ offset: PAGE_SIZE, total: PAGE_SIZE + 11 });
    expect(store.page.value?.rows.at(-1)).toEqual([PAGE_SIZE + 11]);
  });

  it('runs ad-hoc SQL on the copy and shows tables it creates; fresh runs start from the loaded file', async () => {
    const store = new DbBrowserStore(client(), 'learner', async () => databaseWith('CREATE TABLE t (x); INSERT INTO t VALUES (1), (NULL);'));
    await store.run('INSERT INTO t VALUES (3); CREATE TABLE extra (y);');
    expect(store.result.value).toMatchObject({ ok: true, changes: 1 });
    expect(store.tables.value.map((t) => t.name)).toEqual(['extra', 't']);
    await store.run('SELECT x FROM t', { fresh: true });
    expect(store.result.value).toMatchObject({ ok: true, columns: ['x'], rows: [[1], [null]], rowCount: 2 });
    await store.run('SELECT * FROM t WHERE');
    expect(store.result.value).toMatchObject({ ok: false, error: { message: 'incomplete input', line: 1 } });
    expect(store.resultSql.value).toBe('SELECT * FROM t WHERE');
  });

  it('reports a database the worker cannot open', async () => {
    const store = new DbBrowserStore(client(), 'learner', async () => new TextEncoder().encode('this is not a database at all, not even close'));
    await store.refresh();
    expect(store.status.value).toBe('error');
    expect(store.problem.value).toMatch(/not a database/);
  });

  it('ignores a slow refresh that finishes after a newer one', async () => {
    const releases: ((bytes: Uint8Array) => void)[] = [];
    const store = new DbBrowserStore(client(), 'learner', () => new Promise((resolve) => releases.push(resolve)));
    const older = store.refresh();
    const newer = store.refresh();
    releases[1]?.(databaseWith('CREATE TABLE newer (x);'));
    await newer;
    releases[0]?.(databaseWith('CREATE TABLE older (x);'));
    await older;
    expect(store.tables.value.map((t) => t.name)).toEqual(['newer']);
  });
});
