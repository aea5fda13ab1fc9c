import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetBytes } from './datasets.ts';

const LESSONS = 'tests/fixtures/lessons/valid';
const CACHE = 'node_modules/.cache/playground/datasets';

async function names(bytes: Uint8Array): Promise<unknown[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  try {
    return db.exec('SELECT name FROM people ORDER BY id')[0]?.values.map((row) => row[0]) ?? [];
  } finally {
    db.close();
  }
}

describe('datasetBytes', () => {
  const scratch = mkdtemp(join(tmpdir(), 'datasets-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  async function generator(name: string, source: string): Promise<string> {
    const dir = await scratch;
    await mkdir(join(dir, '_datasets'), { recursive: true });
    await writeFile(join(dir, '_datasets', `${name}.ts`), source);
    return dir;
  }

  it('builds the visible and the hidden variant as SQLite files with different data', async () => {
    expect(await names(await datasetBytes(LESSONS, 'tiny', 'visible'))).toEqual(['ada', 'grace']);
    expect(await names(await datasetBytes(LESSONS, 'tiny', 'hidden'))).toEqual(['linus', 'barbara', 'ken']);
  });

  it('caches the bytes under node_modules/.cache/playground/datasets and serves later calls from there', async () => {
    // Its own generator: other test files use the `tiny` fixture's cache entry at the same time.
    const dir = await generator('cached', "export default () => \"CREATE TABLE people (id INTEGER, name TEXT); INSERT INTO people VALUES (1, 'fresh');\";");
    const bytes = await datasetBytes(dir, 'cached', 'visible');
    const cached = (await readdir(CACHE)).filter((f) => f.startsWith('cached.visible.'));
    expect(cached).toHaveLength(1);
    const file = join(CACHE, cached[0] ?? '');
    expect(new Uint8Array(await readFile(file))).toEqual(bytes);
    // A doctored cache entry is what comes back: proof the generator did not run again.
    const SQL = await initSqlJs();
    const doctored = new SQL.Database(bytes);
    doctored.run("UPDATE people SET name = 'from-cache'");
    await writeFile(file, doctored.export());
    doctored.close();
    try {
      expect(await names(await datasetBytes(dir, 'cached', 'visible'))).toEqual(['from-cache']);
    } finally {
      await rm(file);
    }
  });

  it('builds a dataset that many lessons want at once, on a clean cache, for every one of them', async () => {
    // A fresh generator (new hash): nothing cached, no module file left from an earlier run —
    // what a clean clone's `lessons:verify` meets when all sql lessons start together.
    const marker = `${Date.now()}-${Math.random()}`;
    const dir = await generator('crowded', `export default (variant) => "CREATE TABLE people (id INTEGER, name TEXT); INSERT INTO people VALUES (1, '" + variant + "'); -- ${marker}";`);
    const variants = Array.from({ length: 12 }, (_, i): 'visible' | 'hidden' => (i % 2 === 0 ? 'visible' : 'hidden'));
    const results = await Promise.all(variants.map((variant) => datasetBytes(dir, 'crowded', variant)));
    expect(await Promise.all(results.map(names))).toEqual(variants.map((variant) => [variant]));
  });

  it('regenerates when the generator changes and drops the stale cache entry', async () => {
    const dir = await generator('changing', "export default () => \"CREATE TABLE people (id INTEGER, name TEXT); INSERT INTO people VALUES (1, 'a');\";");
    expect(await names(await datasetBytes(dir, 'changing', 'visible'))).toEqual(['a']);
    await generator('changing', "export default () => \"CREATE TABLE people (id INTEGER, name TEXT); INSERT INTO people VALUES (1, 'b');\";");
    expect(await names(await datasetBytes(dir, 'changing', 'visible'))).toEqual(['b']);
    expect((await readdir(CACHE)).filter((f) => f.startsWith('changing.visible.'))).toHaveLength(1);
  });

  it('names the missing generator file', async () => {
    await expect(datasetBytes(LESSONS, 'nope', 'visible')).rejects.toThrow(
      'Dataset `nope` not found: create tests/fixtures/lessons/valid/_datasets/nope.ts',
    );
  });

  it('names the file and quotes SQLite when the SQL fails', async () => {
    const dir = await generator('bad-sql', "export default () => 'CREATE TABLE t (id INTEGER); INSRT INTO t VALUES (1);';");
    await expect(datasetBytes(dir, 'bad-sql', 'hidden')).rejects.toThrow(
      /bad-sql\.ts: the SQL from build\('hidden'\) fails in SQLite: near "INSRT": syntax error/,
    );
  });

  it('explains a generator without a default export function', async () => {
    const dir = await generator('no-default', 'export const build = () => "";');
    await expect(datasetBytes(dir, 'no-default', 'visible')).rejects.toThrow(/no-default\.ts must `export default function build/);
  });
});
