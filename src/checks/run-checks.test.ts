import { beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { HttpRequestSpec, HttpResponse, LessonChecks, UpstreamCall, UpstreamScript } from './define.ts';
import type { CheckEnvironment } from './environment.ts';
import { CheckFailure } from './check-failure.ts';
import { runChecks } from './run-checks.ts';
import { wrapSqlJsDatabase } from './sql-database.ts';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

function datasetBytes(rows: [string, number | null][]): Uint8Array {
  const db = new SQL.Database();
  db.run('CREATE TABLE orders (customer TEXT, amount REAL)');
  for (const row of rows) db.run('INSERT INTO orders VALUES (?, ?)', row);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** An in-memory environment: a request handler instead of a server, a map instead of files. */
class FakeEnvironment implements CheckEnvironment {
  output = '';
  recovered = 0;
  upstream: UpstreamScript[] = [];
  calls: UpstreamCall[] = [];
  constructor(
    private readonly handle: (spec: HttpRequestSpec) => Promise<HttpResponse> | HttpResponse,
    private readonly files: Record<string, string> = {},
    private readonly datasets: Record<'visible' | 'hidden', Uint8Array> = { visible: new Uint8Array(), hidden: new Uint8Array() },
  ) {}
  async request(spec: HttpRequestSpec): Promise<HttpResponse> {
    this.output += `${spec.method ?? 'GET'} ${spec.path}\n`;
    return this.handle(spec);
  }
  async readFile(path: string) {
    const text = this.files[path];
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }
  async openDatabase(bytes?: Uint8Array) {
    return wrapSqlJsDatabase(new SQL.Database(bytes));
  }
  async datasetBytes(variant: 'visible' | 'hidden') {
    return this.datasets[variant];
  }
  async setUpstream(script: UpstreamScript) {
    this.upstream.push(script);
  }
  async upstreamCalls() {
    return this.calls;
  }
  async restartServer() {}
  outputMark() {
    return this.output.length;
  }
  outputSince(mark: number) {
    return this.output.slice(mark);
  }
  async recover() {
    this.recovered += 1;
  }
}

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body), json: body, durationMs: 1 });

describe('runChecks', () => {
  it('reports a throwing check as a checker error and still runs the next one', async () => {
    const env = new FakeEnvironment(() => json(200, { ok: true }));
    const streamed: string[] = [];
    const results = await runChecks(
      {
        checks: [
          { id: 'broken', title: 'broken', run: () => { throw new TypeError('undefined is not a function'); } },
          { id: 'fine', title: 'fine', steps: [{ request: { path: '/' }, expect: { status: 200 } }] },
        ],
      },
      env,
      (result) => streamed.push(`${result.id}:${result.status}`),
    );
    expect(streamed).toEqual(['broken:error', 'fine:pass']);
    expect(results[0]?.message).toBe('The checker crashed — this is not your fault: undefined is not a function');
    expect(results[0]?.logs).toContain('TypeError: undefined is not a function');
  });

  it('times out a hanging check, asks the environment to recover, and goes on', async () => {
    const env = new FakeEnvironment((spec) => (spec.path === '/loop' ? new Promise<HttpResponse>(() => {}) : json(200, {})));
    const results = await runChecks(
      {
        checks: [
          { id: 'loop', title: 'loop', timeoutMs: 100, steps: [{ request: { path: '/loop' } }] },
          { id: 'after', title: 'after', steps: [{ request: { path: '/health' }, expect: { status: 200 } }] },
        ],
      },
      env,
    );
    expect(results.map((r) => r.status)).toEqual(['timeout', 'pass']);
    expect(results[0]?.message).toMatch(/did not finish within 0.1 s/);
    expect(results[0]?.logs).toBe('GET /loop\n');
    expect(env.recovered).toBe(1);
  });

  it('fails a learner bug with the step, the advice, the mismatch and a renderable diff', async () => {
    const env = new FakeEnvironment(() => json(200, { id: 1, name: 'lamp' }));
    const [result] = await runChecks(
      {
        checks: [
          {
            id: 'create',
            title: 'create',
            hint: 'Use res.status(201).',
            steps: [{ name: 'create item', request: { method: 'POST', path: '/items', json: {} }, expect: { status: 201 }, message: 'Answer 201 Created.' }],
          },
        ],
      },
      env,
    );
    expect(result).toMatchObject({
      status: 'fail',
      message: 'Step "create item": Answer 201 Created. (expected status 201, got 200)',
      expected: 'status 201',
      actual: 'status 200\n\n{"id":1,"name":"lamp"}',
      hint: 'Use res.status(201).',
      logs: 'POST /items\n',
    });
  });

  it('renders structured expected/actual the same way (pretty JSON)', async () => {
    const env = new FakeEnvironment(() => json(200, { user: { name: 'Ann' } }));
    const [result] = await runChecks({ checks: [{ id: 'u', title: 'u', steps: [{ request: { path: '/' }, expect: { json: [{ path: 'user', equals: { name: 'Bob' } }] } }] }] }, env);
    expect(result?.expected).toBe('{\n  "name": "Bob"\n}');
    expect(result?.actual).toBe('{\n  "name": "Ann"\n}');
  });

  it('passes captures between steps', async () => {
    const seen: string[] = [];
    const env = new FakeEnvironment((spec) => {
      seen.push(spec.path);
      return json(201, { id: 42 });
    });
    const [result] = await runChecks({ checks: [{ id: 'c', title: 'c', steps: [{ request: { method: 'POST', path: '/u' }, capture: { id: { json: 'id' } } }, { request: { path: '/u/{{id}}' } }] }] }, env);
    expect(result?.status).toBe('pass');
    expect(seen).toEqual(['/u', '/u/42']);
  });

  it('sets each check\'s upstream (or the lesson default) and shows only calls made during the check', async () => {
    const env = new FakeEnvironment(() => json(200, {}));
    env.calls = [{ method: 'GET', url: 'https://old.test/', headers: {} }];
    const checks: LessonChecks = {
      upstream: { 'GET https://a.test/': { json: 1 } },
      checks: [
        { id: 'default', title: 'd', run: async (t) => t.expectEqual(await t.upstreamCalls(), [], 'no calls yet') },
        { id: 'own', title: 'o', upstream: { 'GET https://b.test/': { status: 500, json: {} } }, run: () => {} },
        { id: 'again', title: 'a', run: () => {} },
      ],
    };
    const results = await runChecks(checks, env);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    expect(env.upstream).toEqual([checks.upstream, checks.checks[1]?.upstream, checks.upstream]);
  });

  it('runs file checks', async () => {
    const env = new FakeEnvironment(() => json(200, {}), { 'db.js': "import initSqlJs from 'sql.js';\n  db.prepare('SELECT * FROM u WHERE id = ' + id);" });
    const results = await runChecks(
      {
        checks: [
          { id: 'param', title: 'p', file: { path: 'db.js', notContains: [/WHERE id = ' \+/], message: 'Use a parameterized query.' } },
          { id: 'missing', title: 'm', file: { path: 'nope.js', contains: ['x'], message: 'Create nope.js.' } },
        ],
      },
      env,
    );
    expect(results[0]?.message).toBe("Use a parameterized query. (db.js:2: db.prepare('SELECT * FROM u WHERE id = ' + id);)");
    expect(results[1]?.message).toBe('Create nope.js. (nope.js does not exist)');
  });

  it('reports a CheckFailure from the environment (server down) as a fail with its logs', async () => {
    const env = new FakeEnvironment(() => {
      throw new CheckFailure('Your server is not running. Your server exited with code 1.', { logs: 'Error: boom\n    at server.js:3' });
    });
    const [result] = await runChecks({ checks: [{ id: 'h', title: 'h', steps: [{ request: { path: '/health' } }] }] }, env);
    expect(result).toMatchObject({ status: 'fail', message: 'Step "GET /health": Your server is not running. Your server exited with code 1.', logs: 'Error: boom\n    at server.js:3' });
  });

  it('rejects a module without a checks array with a clear message', async () => {
    await expect(runChecks({} as LessonChecks, new FakeEnvironment(() => json(200, {})))).rejects.toThrow('checks.ts must `export default defineChecks({ checks: [...] })`');
  });
});

describe('sql checks', () => {
  const visible: [string, number | null][] = [['Ann', 10], ['Bob', 5], ['Ann', 2.5], ['Cy', null]];
  const hidden: [string, number | null][] = [['Dee', 7], ['Ann', 1], ['Eve', 3]];
  const reference = 'SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer';
  const check = (file: string): LessonChecks => ({ checks: [{ id: 'totals', title: 'Totals per customer', sql: { file: 'query.sql', reference } }].map((c) => ({ ...c, sql: { ...c.sql, file } })) });

  async function run(query: string) {
    const env = new FakeEnvironment(() => json(200, {}), { 'query.sql': query }, { visible: datasetBytes(visible), hidden: datasetBytes(hidden) });
    const [result] = await runChecks(check('query.sql'), env);
    return result;
  }

  it('passes an equivalent query in another order, but not TOTAL() (0.0) for SUM() (NULL)', async () => {
    expect((await run('select customer AS CUSTOMER, total(amount) * 1.0 as Total from orders group by customer order by total desc;'))?.status).toBe('fail');
    expect((await run('SELECT customer, SUM(amount) AS total FROM orders GROUP BY 1 ORDER BY 2 DESC'))?.status).toBe('pass');
  });

  it('says a query that only works on the visible data seems hard-coded', async () => {
    const result = await run("SELECT 'Ann' AS customer, 12.5 AS total UNION ALL SELECT 'Bob', 5 UNION ALL SELECT 'Cy', NULL");
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(/^Your query gives the right answer on the sample data but not on a second, hidden dataset, so it seems hard-coded to the visible data\. On the hidden data: /);
  });

  it('shows differing rows on the visible data', async () => {
    const result = await run('SELECT customer, SUM(amount) AS total FROM orders WHERE amount > 3 GROUP BY customer');
    expect(result?.message).toBe("Your query returns 2 rows; the reference returns 3 rows. Missing: ('Ann', 12.5), ('Cy', NULL). Unexpected: ('Ann', 10).");
    expect(result?.expected).toContain('customer | total');
  });

  it('names the line and column of a syntax error', async () => {
    const result = await run('SELECT customer,\n  SUM(amount) AS total\nFROM orders\nGROUP customer');
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(/^query\.sql:4:7: near "customer": syntax error\n/);
    expect(result?.message).toContain('  4 | GROUP customer\n    |       ^');
  });

  it('fails clearly for a missing or empty file', async () => {
    expect((await run('   '))?.message).toBe('query.sql is empty. Write your query in it.');
  });
});
