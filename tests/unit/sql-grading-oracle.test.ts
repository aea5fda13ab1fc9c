/**
 * The `sql` check's verdicts against an oracle: the `sqlite3` CLI decides, with SQLite's own
 * comparisons, whether a learner's result equals the reference's (NULL IS NULL, 1 IS 1.0,
 * '1' IS NOT 1, duplicates counted, order compared only when the reference sorts), and which
 * column names each query has. The grader — the page's SQL check environment with sql.js —
 * must agree on every case. Under CI=true a missing sqlite3 fails loudly (.ci/run installs
 * Debian's); elsewhere the suite is skipped with a notice.
 */
import { spawnSync } from 'node:child_process';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import { hasTopLevelOrderBy } from '../../src/checks/sql-compare.ts';
import { createSqlLessonEnvironment } from '../../src/sql/sql-lesson-checks.ts';

const hasSqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
if (!hasSqlite3) {
  if (process.env.CI === 'true') throw new Error('sqlite3 is not installed: the SQL grading oracle tests need it in CI (apt-get install sqlite3; .ci/run does this).');
  console.warn('notice: sqlite3 is not installed, so the SQL grading oracle tests are skipped (apt-get install sqlite3 to run them).');
}

const DATASET = `
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, amount REAL, qty INTEGER, placed TEXT);
INSERT INTO orders (customer, amount, qty, placed) VALUES
  ('Ann', 10, 1, '2024-01-31'), ('Bob', 5.5, 2, '2024-02-01'), ('Ann', 2.5, 1, '2024-02-01'),
  ('Cy', NULL, NULL, '2024-02-29'), ('Bob', 5.5, 2, '2024-03-01'), ('Dee', 1, 3, NULL);
`;

function sqlite3(script: string): string[] {
  const run = spawnSync('sqlite3', ['-batch', '-bail', ':memory:'], { input: script, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line !== '');
}

interface Verdict {
  same: boolean;
  learnerColumns: string[];
  referenceColumns: string[];
}

/** sqlite3's verdict on two single SELECT statements. */
function oracle(learner: string, reference: string, ordered: boolean): Verdict {
  const columnsOf = (sql: string) => sqlite3(`${DATASET}\nCREATE TEMP VIEW q AS ${sql}\n;\nSELECT name FROM pragma_table_info('q');`);
  const learnerColumns = columnsOf(learner);
  const referenceColumns = columnsOf(reference);
  const namesMatch = learnerColumns.length === referenceColumns.length && learnerColumns.every((name, i) => name.toLowerCase() === referenceColumns[i]?.toLowerCase());
  if (!namesMatch) return { same: false, learnerColumns, referenceColumns };
  const cols = learnerColumns.map((_, i) => `c${i + 1}`);
  const list = cols.join(', ');
  // Tables without declared types keep each value's type: SQLite, not this test, compares them.
  // Each statement ends on its own line: a query may end in a -- comment.
  const load = `CREATE TEMP TABLE l(${list}); INSERT INTO l ${learner}\n;\nCREATE TEMP TABLE r(${list}); INSERT INTO r ${reference}\n;`;
  const compare = ordered
    ? `SELECT (SELECT count(*) FROM l) = (SELECT count(*) FROM r) AND NOT EXISTS (SELECT 1 FROM l JOIN r ON l.rowid = r.rowid WHERE NOT (${cols.map((c) => `l.${c} IS r.${c}`).join(' AND ')}));`
    : `SELECT NOT EXISTS (SELECT ${list}, count(*) FROM l GROUP BY ${list} EXCEPT SELECT ${list}, count(*) FROM r GROUP BY ${list})
         AND NOT EXISTS (SELECT ${list}, count(*) FROM r GROUP BY ${list} EXCEPT SELECT ${list}, count(*) FROM l GROUP BY ${list});`;
  const [answer] = sqlite3(`${DATASET}\n${load}\n${compare}`);
  return { same: answer === '1', learnerColumns, referenceColumns };
}

let SQL: SqlJsStatic;
let datasetBytes: Uint8Array;
beforeAll(async () => {
  SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(DATASET);
  datasetBytes = db.export();
  db.close();
});

async function grade(script: string, reference: string) {
  const env = createSqlLessonEnvironment({ sql: SQL, files: { 'query.sql': script }, datasetBytes: async () => datasetBytes });
  const [result] = await runChecks({ checks: [{ id: 'q', title: 'q', sql: { file: 'query.sql', reference } }] }, env);
  return result;
}

interface Case {
  what: string;
  learner: string;
  reference: string;
  /** Whether the reference sorts (what ORDER BY detection must find). */
  ordered: boolean;
  /** The whole file, when the learner's query is its last statement after others. */
  script?: string;
}

const CASES: Case[] = [
  { what: 'NULL equals NULL', learner: 'SELECT customer, amount FROM orders', reference: 'SELECT customer, amount FROM orders', ordered: false },
  { what: 'SUM (NULL for no values) is not TOTAL (0.0)', learner: 'SELECT customer, TOTAL(amount) AS s FROM orders GROUP BY customer', reference: 'SELECT customer, SUM(amount) AS s FROM orders GROUP BY customer', ordered: false },
  { what: 'NULL is not an empty string', learner: "SELECT customer, COALESCE(placed, '') AS placed FROM orders", reference: 'SELECT customer, placed FROM orders', ordered: false },
  { what: 'duplicate rows count', learner: 'SELECT DISTINCT customer, amount FROM orders', reference: 'SELECT customer, amount FROM orders', ordered: false },
  { what: 'the same rows in another order, unordered', learner: 'SELECT customer, amount FROM orders ORDER BY customer DESC', reference: 'SELECT customer, amount FROM orders', ordered: false },
  { what: 'INTEGER 1 equals REAL 1.0', learner: 'SELECT qty * 1.0 AS qty FROM orders', reference: 'SELECT qty FROM orders', ordered: false },
  { what: 'integer division is not real division', learner: 'SELECT qty / 2 AS half FROM orders', reference: 'SELECT qty / 2.0 AS half FROM orders', ordered: false },
  { what: "TEXT '1' is not INTEGER 1", learner: "SELECT CAST(qty AS TEXT) AS qty FROM orders WHERE qty = 1", reference: 'SELECT qty FROM orders WHERE qty = 1', ordered: false },
  { what: 'column names are compared case-insensitively', learner: 'SELECT customer AS CUSTOMER, amount AS Amount FROM orders', reference: 'SELECT customer, amount FROM orders', ordered: false },
  { what: 'a differently named column', learner: 'SELECT customer AS name FROM orders', reference: 'SELECT customer FROM orders', ordered: false },
  { what: 'an unnamed expression column is named by its text', learner: 'SELECT customer, sum(amount) FROM orders GROUP BY customer', reference: 'SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer', ordered: false },
  { what: 'a missing tie-break when the reference sorts', learner: 'SELECT customer, amount FROM orders WHERE amount IS NOT NULL ORDER BY amount DESC', reference: 'SELECT customer, amount FROM orders WHERE amount IS NOT NULL ORDER BY amount DESC, customer', ordered: true },
  { what: 'the wrong direction when the reference sorts', learner: 'SELECT customer FROM orders ORDER BY id DESC', reference: 'SELECT customer FROM orders ORDER BY id', ordered: true },
  { what: 'ORDER BY inside a subquery does not make the comparison ordered', learner: 'SELECT customer FROM orders', reference: 'SELECT customer FROM (SELECT customer FROM orders ORDER BY customer DESC LIMIT 10)', ordered: false },
  { what: 'ORDER BY in a comment or string is not an ORDER BY', learner: "SELECT customer, 'order by' AS note FROM orders ORDER BY customer DESC", reference: "SELECT customer, 'order by' AS note FROM orders -- ORDER BY customer", ordered: false },
  {
    what: 'the last statement is graded even when it returns no rows',
    script: 'SELECT customer FROM orders;\nSELECT customer FROM orders WHERE amount > 100;',
    learner: 'SELECT customer FROM orders WHERE amount > 100',
    reference: 'SELECT customer FROM orders',
    ordered: false,
  },
  {
    what: 'an empty last result still has its columns to compare',
    script: 'SELECT customer AS who FROM orders WHERE 0;',
    learner: 'SELECT customer AS who FROM orders WHERE 0',
    reference: 'SELECT customer FROM orders WHERE amount > 100',
    ordered: false,
  },
  { what: 'two empty results with the same columns agree', learner: 'SELECT customer FROM orders WHERE 0', reference: 'SELECT customer FROM orders WHERE amount > 100', ordered: false },
];

describe.skipIf(!hasSqlite3)('sql grading agrees with sqlite3', () => {
  const verdicts = new Map<Case, Verdict>();
  for (const c of CASES) {
    it(c.what, async () => {
      expect(hasTopLevelOrderBy(c.reference)).toBe(c.ordered);
      const verdict = oracle(c.learner, c.reference, c.ordered);
      verdicts.set(c, verdict);
      const result = await grade(c.script ?? c.learner, c.reference);
      expect({ pass: result?.status === 'pass', message: result?.message }).toMatchObject({ pass: verdict.same });
      if (!verdict.same && verdict.learnerColumns.join() !== verdict.referenceColumns.join() && verdict.learnerColumns.length === verdict.referenceColumns.length) {
        // A naming mismatch is reported with the names sqlite3 gives the columns.
        const index = verdict.referenceColumns.findIndex((name, i) => name.toLowerCase() !== verdict.learnerColumns[i]?.toLowerCase());
        if (index >= 0) expect(result?.message).toContain(`named "${verdict.learnerColumns[index]}"; expected "${verdict.referenceColumns[index]}"`);
      }
    });
  }

  it('has both verdicts among its cases (a suite where everything passes or fails proves nothing)', () => {
    const same = CASES.map((c) => (verdicts.get(c) ?? oracle(c.learner, c.reference, c.ordered)).same);
    expect(same).toContain(true);
    expect(same).toContain(false);
  });
});
