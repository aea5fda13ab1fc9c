/**
 * The missing first page: the learner writes failing edge tests in pagination.test.js first
 * (graded by running them against the checks' own buggy, fixed and off-by-one servers), then
 * fixes server.js (graded by paging through it).
 */
import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, queryRows, send } from '../../_support/checks.ts';
import { RUN_TIMEOUT_MS, RememberedRuns, expectTests as expectSomeTests, runSuite, type SuiteRun } from '../../_support/suite-run.ts';
import { BUGGY_SERVER, FIXED_SERVER, TOTAL_PAGES_FLOOR_SERVER } from './server-variants.ts';

const LIMIT = 5;

/** Ids of page `page` as the learner's server answers them. */
async function pageIds(t: CheckContext, page: number): Promise<{ ids: unknown[]; totalPages: unknown }> {
  const res = await send(t, { path: `/products?page=${page}&limit=${LIMIT}` });
  const items = body(res).items;
  if (res.status !== 200 || !Array.isArray(items)) {
    return t.fail(`GET /products?page=${page}&limit=${LIMIT} must answer 200 with {"items": [...]}.`, { actual: describe(res) });
  }
  return { ids: items.map((item) => (item as { id?: unknown }).id), totalPages: body(res).totalPages };
}

/** Every product id in the learner's database, in order: what paging through must yield. */
async function allIds(t: CheckContext): Promise<number[]> {
  const rows = await queryRows(t, 'data.sqlite', 'SELECT id FROM products ORDER BY id');
  return rows.map((row) => Number(row[0]));
}

/** Enough for the run against the fixed server and one more, on a busy machine. */
const TWO_RUNS_MS = 2 * RUN_TIMEOUT_MS + 10_000;

const fixedRuns = new RememberedRuns();

/** The run against the fixed server, remembered by the text of pagination.test.js. */
async function fixedRun(t: CheckContext): Promise<SuiteRun> {
  return fixedRuns.run(t, (await t.readFile('pagination.test.js')) ?? '', FIXED_SERVER);
}

function expectTests(t: CheckContext, run: SuiteRun): void {
  expectSomeTests(t, run, { testFile: 'pagination.test.js', keep: 'db.js and run-tests.js as given (reset the lesson if you changed them)' });
}

/** A failing suite catches every bug: a failure counts only when the same tests pass against a correct server. */
async function expectFixedPasses(t: CheckContext): Promise<void> {
  const run = await fixedRun(t);
  expectTests(t, run);
  if (run.failed > 0) {
    t.fail('Your tests fail against a correctly paging server too, so failing against the buggy one proves nothing yet. Make them expect what the products table holds (see the check "Your tests pass against a correctly paging server").', { actual: run.failures });
  }
}

export default defineChecks({
  checks: [
    {
      id: 'tests-fail-on-bug',
      title: 'Your tests fail against the buggy server (red first)',
      hint: 'The middle of the list looks fine. Add a test for each edge to pagination.test.js: the ids page 1 must hold, the ids the last page must hold, and all ids when you read pages 1 to totalPages.',
      timeoutMs: TWO_RUNS_MS,
      run: async (t) => {
        await expectFixedPasses(t);
        const run = await runSuite(t, BUGGY_SERVER);
        expectTests(t, run);
        if (run.failed === 0) {
          t.fail('Your tests pass against the server as the lesson handed it out, bug and all: they do not reproduce the bug report yet. Test the edges in pagination.test.js: which ids must page 1 hold? The last page? All pages read in turn?');
        }
      },
    },
    {
      id: 'first-page',
      title: 'Page 1 starts with the first product',
      hint: 'Work it out by hand for page=1, limit=5: how many rows should be skipped? What does the code compute?',
      timeoutMs: 10000,
      run: async (t) => {
        const expected = (await allIds(t)).slice(0, LIMIT);
        const { ids } = await pageIds(t, 1);
        t.expectEqual(ids, expected, `Page 1 must hold the first ${LIMIT} products (compare with the products table). Work out by hand how many rows the code skips for page=1, and how many it should skip.`);
      },
    },
    {
      id: 'last-page',
      title: 'The last page holds the remaining products',
      timeoutMs: 10000,
      run: async (t) => {
        const every = await allIds(t);
        const lastPage = Math.ceil(every.length / LIMIT);
        const { ids } = await pageIds(t, lastPage);
        t.expectEqual(ids, every.slice((lastPage - 1) * LIMIT), `Page ${lastPage} (the last one) must hold the last ${every.length % LIMIT || LIMIT} products.`);
      },
    },
    {
      id: 'every-product-once',
      title: 'Paging through all pages shows every product exactly once',
      hint: 'Walk the pages yourself in the HTTP client: page=1, 2, 3… Which product never shows up?',
      timeoutMs: 10000,
      run: async (t) => {
        const every = await allIds(t);
        const first = await pageIds(t, 1);
        const pages = Number(first.totalPages);
        t.expectTrue(Number.isInteger(pages) && pages === Math.ceil(every.length / LIMIT), `totalPages must be ${Math.ceil(every.length / LIMIT)} for ${every.length} products and limit ${LIMIT}.`, {
          actual: String(first.totalPages),
        });
        const seen: unknown[] = [...first.ids];
        for (let page = 2; page <= pages; page++) seen.push(...(await pageIds(t, page)).ids);
        t.expectEqual(seen, every, 'Reading pages 1 to totalPages in order must list every product exactly once, in id order.');
      },
    },
    {
      id: 'tests-pass-when-fixed',
      title: 'Your tests pass against a correctly paging server',
      hint: 'Compare what each test expects with the products table in the DB browser: 23 products, ids 1 to 23, five to a page.',
      timeoutMs: RUN_TIMEOUT_MS + 10_000,
      run: async (t) => {
        const run = await fixedRun(t);
        expectTests(t, run);
        if (run.failed > 0) {
          t.fail('Some of your tests fail against a server that pages correctly (offset = (page - 1) * limit): they expect what the bug does, not what the products table holds. Fix what they expect.', { actual: run.failures });
        }
      },
    },
    {
      id: 'tests-catch-total-pages-floor',
      title: 'Your tests also fail against a server whose totalPages rounds down',
      hint: 'Read the pages the way a shop does: from 1 to the totalPages the server reports, and compare everything you collected with all 23 ids.',
      timeoutMs: TWO_RUNS_MS,
      run: async (t) => {
        await expectFixedPasses(t);
        const run = await runSuite(t, TOTAL_PAGES_FLOOR_SERVER);
        expectTests(t, run);
        if (run.failed === 0) {
          t.fail('Your tests pass against a server whose offsets are right but whose totalPages is 4 for 23 products, so the last three are never linked. Add a test that reads pages 1 to totalPages and expects every product exactly once.');
        }
      },
    },
  ],
});
