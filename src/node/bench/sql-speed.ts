/**
 * sql.js against native SQLite on the `shop` dataset, and the cost of our own work around
 * sql.js. Five queries a Databases lesson asks for run interleaved — each round runs all five
 * in sql.js (Node), then all five in the `sqlite3` CLI — so a busy machine slows both alike.
 *
 * - sqlJsVsNativeRatio: median sql.js round time ÷ median native round time (ratio of
 *   medians; min and max are the per-round ratios).
 * - sqlJsOverheadPct: what a `sql` check adds to the queries it runs — comparing the learner's
 *   result with the reference (`compareResults`) and moving the result out of the worker
 *   (`structuredClone`, the algorithm `postMessage` uses) — as % of running both queries.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import initSqlJs, { type Database } from 'sql.js';
import { compareResults, hasTopLevelOrderBy } from '../../checks/sql-compare.ts';
import type { QueryResult } from '../../checks/define.ts';
import { datasetBytes } from '../datasets.ts';
import type { BenchContext } from './context.ts';
import { SQLITE_INSTALL_HINT, sqliteCliVersion, timeQueriesInSqliteCli } from './native-sqlite.ts';
import { errorText } from './error-text.ts';
import { failed, type Outcome } from './results.ts';
import { median, round } from './stats.ts';

/** Each is the kind of query a Databases lesson asks for; all read the whole `shop` dataset. */
const REPRESENTATIVE_QUERIES: Record<string, string> = {
  filter: `SELECT order_id, product_id, quantity, unit_price_cents FROM order_items WHERE quantity >= 3 AND unit_price_cents BETWEEN 2000 AND 6000`,
  join: `SELECT c.name, o.id, p.name AS product, oi.quantity FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items oi ON oi.order_id = o.id JOIN products p ON p.id = oi.product_id WHERE c.country = 'Japan' AND o.status = 'paid'`,
  groupBy: `SELECT cat.name AS category, count(DISTINCT o.id) AS orders, sum(oi.quantity * oi.unit_price_cents) AS revenue_cents FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id JOIN categories cat ON cat.id = p.category_id WHERE o.status <> 'cancelled' GROUP BY cat.name HAVING revenue_cents > 0`,
  subquery: `SELECT order_id, sum(quantity * unit_price_cents) AS total_cents FROM order_items GROUP BY order_id HAVING total_cents > (SELECT avg(t) FROM (SELECT sum(quantity * unit_price_cents) AS t FROM order_items GROUP BY order_id)) * 2`,
  orderLimit: `SELECT p.id, p.name, sum(oi.quantity) AS units FROM products p JOIN order_items oi ON oi.product_id = p.id GROUP BY p.id ORDER BY units DESC, p.id LIMIT 10`,
};

const WARMUP_ROUNDS = 1;
const ROUNDS = 9;

function timeSqlJs(db: Database, sql: string): { ms: number; result: QueryResult | undefined } {
  const start = performance.now();
  const last = db.exec(sql).at(-1);
  const ms = performance.now() - start;
  // sql.js names the rows `values`; the checks API calls them `rows` (same arrays, no copy).
  return { ms, result: last && { columns: last.columns, rows: last.values } };
}

/** What a `sql` check adds around sql.js for one query, in ms (see the file comment). */
function timeOverhead(sql: string, learner: QueryResult | undefined, reference: QueryResult | undefined): number {
  const start = performance.now();
  const mismatch = compareResults(learner, reference, { ordered: hasTopLevelOrderBy(sql), columnNames: true });
  structuredClone(learner);
  const ms = performance.now() - start;
  if (mismatch) throw new Error(`the same query compared unequal to itself: ${mismatch.message}`);
  return ms;
}

export interface SqlSpeed {
  ratio: Outcome;
  overhead: Outcome;
}

export async function measureSqlSpeed(lessonsDir: string, ctx: BenchContext): Promise<SqlSpeed> {
  const rounds = ctx.runs(ROUNDS);
  const bytes = await datasetBytes(lessonsDir, 'shop', 'visible');
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  const names = Object.keys(REPRESENTATIVE_QUERIES);
  const queries = Object.values(REPRESENTATIVE_QUERIES);

  const native = await sqliteCliVersion();
  const dir = await mkdtemp(join(tmpdir(), 'bench-sqlite-'));
  const dbFile = join(dir, 'shop.sqlite');
  await writeFile(dbFile, bytes);

  const sqlJsMs: number[][] = names.map(() => []);
  const nativeMs: number[][] = names.map(() => []);
  const nativeCpuMs: number[][] = names.map(() => []);
  const roundRatios: number[] = [];
  const overheadPct: number[] = [];
  const rowCounts: Record<string, number> = {};
  let nativeError: string | undefined;
  try {
    for (let pass = 0; pass < WARMUP_ROUNDS + rounds; pass += 1) {
      const measured = pass >= WARMUP_ROUNDS;
      let sqlJsRound = 0;
      let queryRound = 0;
      let overheadRound = 0;
      queries.forEach((sql, index) => {
        const learner = timeSqlJs(db, sql);
        const reference = timeSqlJs(db, sql);
        const overhead = timeOverhead(sql, learner.result, reference.result);
        rowCounts[names[index]!] = learner.result?.rows.length ?? 0;
        if (!measured) return;
        sqlJsMs[index]!.push(learner.ms);
        sqlJsRound += learner.ms;
        queryRound += learner.ms + reference.ms;
        overheadRound += overhead;
      });
      if (measured) overheadPct.push((overheadRound / queryRound) * 100);
      if (!native || nativeError) continue;
      try {
        const times = await timeQueriesInSqliteCli(dbFile, queries);
        if (!measured) continue;
        times.forEach((time, index) => {
          nativeMs[index]!.push(time.realMs);
          nativeCpuMs[index]!.push(time.cpuMs);
        });
        const nativeRound = times.reduce((sum, time) => sum + time.realMs, 0);
        roundRatios.push(sqlJsRound / nativeRound);
      } catch (error) {
        nativeError = errorText(error);
      }
    }
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }

  const perQuery = Object.fromEntries(
    names.map((name, index) => [
      name,
      {
        rows: rowCounts[name],
        sqlJsMedianMs: round(median(sqlJsMs[index]!)),
        nativeMedianMs: nativeMs[index]!.length ? round(median(nativeMs[index]!)) : null,
        nativeCpuMedianMs: nativeCpuMs[index]!.length ? round(median(nativeCpuMs[index]!)) : null,
      },
    ]),
  );
  const details = { dataset: 'shop (visible)', rounds, warmupRounds: WARMUP_ROUNDS, native: native ?? null, queries: REPRESENTATIVE_QUERIES, perQuery };
  const overhead: Outcome = {
    ok: true,
    samples: overheadPct,
    details: { what: 'compareResults + structuredClone per query, ÷ (learner + reference query time), summed over the 5 queries per round' },
  };

  if (!native) return { ratio: failed(`no \`sqlite3\` CLI on this machine: ${SQLITE_INSTALL_HINT}`, details), overhead };
  if (nativeError || roundRatios.length === 0) return { ratio: failed(`sqlite3 failed: ${nativeError ?? 'no timings'}`, details), overhead };
  const totals = (perRound: number[][]) => Array.from({ length: rounds }, (_, pass) => perRound.reduce((sum, times) => sum + times[pass]!, 0));
  const ratioOfMedians = median(totals(sqlJsMs)) / median(totals(nativeMs));
  return {
    ratio: {
      ok: true,
      samples: roundRatios,
      headline: ratioOfMedians,
      note: 'Ratio of medians (sql.js round ÷ sqlite3 round, 5 queries, in-memory both); min/max are per-round ratios. sqlite3’s `.timer` real clock resolves 1 ms.',
      details: { ...details, sqlJsRoundMedianMs: round(median(totals(sqlJsMs))), nativeRoundMedianMs: round(median(totals(nativeMs))) },
    },
    overhead,
  };
}
