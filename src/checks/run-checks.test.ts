import { beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { CheckContext, CommandResult, HttpRequestSpec, HttpStep, HttpResponse, LessonChecks, ServerEnv, ServerExit, UpstreamCall, UpstreamScript } from './define.ts';
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

/** An in-memory environment: a request handler instead of a server, a map instead of files; it logs what the runner asks of the server. */
class FakeEnvironment implements CheckEnvironment {
  output = '';
  recovered = 0;
  upstream: UpstreamScript[] = [];
  calls: UpstreamCall[] = [];
  /** `restart {"A":"1"}`, `reset-clock`, `advance 1000`, `signal SIGTERM 4750`… in call order. */
  events: string[] = [];
  clock = 1_000_000;
  restartFailure: CheckFailure | undefined;
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
  async restartServer(options: { env?: ServerEnv } = {}) {
    this.events.push(`restart ${JSON.stringify(options.env ?? {})}`);
    if (this.restartFailure) throw this.restartFailure;
  }
  async signalServer(signal: string, timeoutMs: number): Promise<ServerExit> {
    this.events.push(`signal ${signal} ${timeoutMs}`);
    return { exited: true, code: 0, signal: null, afterMs: 3 };
  }
  async clockNow() {
    return this.clock;
  }
  async advanceClock(ms: number) {
    this.events.push(`advance ${ms}`);
    this.clock += ms;
  }
  async resetClock() {
    this.events.push('reset-clock');
    this.clock = 1_000_000;
  }
  async runCommand(command: string, args: string[], options: { timeoutMs: number }): Promise<CommandResult> {
    this.events.push(`command ${[command, ...args].join(' ')} ${options.timeoutMs}`);
    return { code: 0, signal: null, stdout: 'ok\n', stderr: '', timedOut: false, durationMs: 1 };
  }
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
    env.calls = [{ method: 'GET', url: 'https://old.test/', headers: {}, atMs: 1 }];
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

  it('reports a server that is down first and alone: no step name, no route advice', async () => {
    const down = 'Your server is not running: it exited with code 1 — SyntaxError at server.js:4:12';
    const env = new FakeEnvironment(() => {
      throw new CheckFailure(down, { logs: 'SyntaxError: Unexpected token\n    at server.js:4:12', kind: 'server-down' });
    });
    const advice = 'Add a route for GET /health. A 404 means Express found no route.';
    const [result] = await runChecks({ checks: [{ id: 'h', title: 'h', steps: [{ request: { path: '/health' }, expect: { status: 200 }, message: advice }] }] }, env);
    expect(result).toMatchObject({ status: 'fail', message: down, logs: 'SyntaxError: Unexpected token\n    at server.js:4:12' });
  });

  it('still puts the step and its advice in front of an ordinary mismatch', async () => {
    const env = new FakeEnvironment(() => json(404, {}));
    const [result] = await runChecks({ checks: [{ id: 'h', title: 'h', steps: [{ request: { path: '/health' }, expect: { status: 200 }, message: 'Add a route.' }] }] }, env);
    expect(result?.message).toBe('Step "GET /health": Add a route. (expected status 200, got 404)');
  });

  it('resets the clock before every check and lets a check read and move it', async () => {
    const env = new FakeEnvironment(() => json(200, {}));
    const seen: number[] = [];
    const tick = { id: 'tick', title: 't', run: async (t: CheckContext) => {
      await t.clock.advance(60_000);
      seen.push(await t.clock.now());
    } };
    const results = await runChecks({ checks: [tick, { ...tick, id: 'tock' }] }, env);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(seen).toEqual([1_060_000, 1_060_000]);
    expect(env.events).toEqual(['reset-clock', 'advance 60000', 'reset-clock', 'advance 60000']);
    const [backwards] = await runChecks({ checks: [{ id: 'b', title: 'b', run: (t) => t.clock.advance(-1) }] }, env);
    expect(backwards).toMatchObject({ status: 'error', message: expect.stringContaining('the clock only moves forward') });
  });

  it('restarts the server for freshServer and env checks, and gives the next check the default environment back', async () => {
    const env = new FakeEnvironment(() => json(200, {}));
    const pass = (id: string, extra: object = {}) => ({ id, title: id, run: () => {}, ...extra });
    await runChecks({ checks: [pass('shared'), pass('fresh', { freshServer: true }), pass('secret', { env: { JWT_SECRET: 'x', PORT: null } }), pass('after'), pass('shared-again')] }, env);
    expect(env.events.filter((e) => e.startsWith('restart'))).toEqual(['restart {}', 'restart {"JWT_SECRET":"x","PORT":null}', 'restart {}']);
    expect(env.events).toEqual(['reset-clock', 'restart {}', 'reset-clock', 'restart {"JWT_SECRET":"x","PORT":null}', 'reset-clock', 'restart {}', 'reset-clock', 'reset-clock']);
  });

  it('puts the server back on its default environment after the run when the last check changed it', async () => {
    const env = new FakeEnvironment(() => json(200, {}));
    await runChecks({ checks: [{ id: 'e', title: 'e', env: { MODE: 'test' }, run: () => {} }] }, env);
    expect(env.events).toEqual(['restart {"MODE":"test"}', 'reset-clock', 'restart {}']);
  });

  it('fails the check, alone, when its fresh server does not start', async () => {
    const env = new FakeEnvironment(() => json(200, {}));
    env.restartFailure = new CheckFailure('Your server is not running: it exited with code 1 — Error: JWT_SECRET is not set', { kind: 'server-down' });
    const [result] = await runChecks({ checks: [{ id: 'e', title: 'e', env: { JWT_SECRET: null }, steps: [{ request: { path: '/' }, message: 'Add a route.' }] }] }, env);
    expect(result).toMatchObject({ status: 'fail', message: 'Your server is not running: it exited with code 1 — Error: JWT_SECRET is not set' });
    expect(env.output).toBe('');
  });

  it('says which rule a helper could not prepare, so every check keeps its own diagnosis', async () => {
    const env = new FakeEnvironment(() => json(500, {}));
    const [result] = await runChecks(
      { checks: [{ id: 'c', title: 'The session cookie is HttpOnly', run: () => { throw new CheckFailure('this check first signs a user up, and POST /signup must answer 201.', { kind: 'setup' }); } }] },
      env,
    );
    expect(result?.message).toBe('Could not test "The session cookie is HttpOnly" yet: this check first signs a user up, and POST /signup must answer 201.');
  });

  it('gives serverLines as lines of the output since the check started, and caps waits at the check\'s time limit', async () => {
    const env = new FakeEnvironment(() => json(200, {}));
    env.output = 'before the check\n';
    let lines: string[] = [];
    const [result] = await runChecks(
      {
        checks: [
          {
            id: 'l',
            title: 'l',
            timeoutMs: 2000,
            run: async (t) => {
              env.output += 'listening on 3000\r\nGET / 200\npartial';
              lines = t.serverLines();
              await t.signalServer('SIGTERM');
              await t.signalServer('SIGINT', { timeoutMs: 100 });
              const run = await t.runCommand('node', ['--test']);
              t.expectEqual(run.stdout, 'ok\n', 'the command result comes back as it is');
            },
          },
        ],
      },
      env,
    );
    expect(result?.status).toBe('pass');
    expect(lines).toEqual(['listening on 3000', 'GET / 200', 'partial']);
    const waits = env.events.filter((e) => !e.startsWith('reset')).map((e) => e.split(' '));
    expect(waits.map((w) => w.slice(0, -1).join(' '))).toEqual(['signal SIGTERM', 'signal SIGINT', 'command node --test']);
    // 5 s for a SIGTERM would outlive the 2 s check: the wait ends early enough to report.
    expect(Number(waits[0]?.at(-1))).toBeLessThanOrEqual(1750);
    expect(Number(waits[0]?.at(-1))).toBeGreaterThan(1000);
    expect(waits[1]?.at(-1)).toBe('100');
    expect(Number(waits[2]?.at(-1))).toBeLessThanOrEqual(1750);
  });

  it('uses captured values in later expectations: headers, typed JSON values, whole bodies, statuses', async () => {
    let version = 1;
    const env = new FakeEnvironment((spec) => {
      if (spec.method === 'PUT') version += 1;
      return { status: 200, headers: { etag: `"v${version}"` }, text: JSON.stringify({ id: 7, version }), json: { id: 7, version }, durationMs: 1 };
    });
    const steps = (secondEtag: string): HttpStep[] => [
      { request: { path: '/doc' }, capture: { etag: { header: 'etag' }, id: { json: 'id' }, first: { body: true }, status: { status: true } } },
      { request: { path: '/doc?was={{status}}' }, expect: { headers: { etag: '{{etag}}' }, json: [{ path: 'id', equals: '{{id}}' }], bodyEquals: '{{first}}' } },
      { request: { method: 'PUT', path: '/doc' }, expect: { headers: { etag: secondEtag } } },
    ];
    const [same] = await runChecks({ checks: [{ id: 's', title: 's', steps: steps('"v2"') }] }, env);
    expect(same?.status).toBe('pass');
    expect(same?.logs).toContain('GET /doc?was=200');
    version = 1;
    const [changed] = await runChecks({ checks: [{ id: 'c', title: 'c', steps: steps('{{etag}}') }] }, env);
    expect(changed?.message).toBe('Step "PUT /doc": expected header "etag" to be ""v1"", got ""v2""');
    version = 1;
    const [body] = await runChecks({ checks: [{ id: 'b', title: 'b', steps: [steps('')[0]!, { request: { method: 'PUT', path: '/doc' }, expect: { bodyEquals: '{{first}}', status: 200 } }] }] }, env);
    expect(body?.message).toBe(`Step "PUT /doc": expected the body to be exactly ${JSON.stringify('{"id":7,"version":1}')}, got text: ${JSON.stringify('{"id":7,"version":2}')}`);
    const [unknown] = await runChecks({ checks: [{ id: 'u', title: 'u', steps: [{ request: { path: '/' }, expect: { bodyEquals: '{{nope}}' } }] }] }, env);
    expect(unknown).toMatchObject({ status: 'error', message: expect.stringContaining('{{nope}} was never captured') });
  });

  it('rejects a module without a checks array with a clear message', async () => {
    await expect(runChecks({} as LessonChecks, new FakeEnvironment(() => json(200, {})))).rejects.toThrow('checks.ts must `export default defineChecks({ checks: [...] })`');
  });
});

describe('file checks read code, not comments', () => {
  const fixed = [
    "app.get('/users/:id', (req, res) => {",
    "  // The old bug: db.get('SELECT * FROM users WHERE id = ' + req.params.id)",
    '  /* never write WHERE id = \' + id again */',
    "  const row = db.get('SELECT * FROM users WHERE id = ?', [req.params.id]);",
    "  res.json({ link: 'http://example.test/users' });",
    '});',
  ].join('\n');
  const check = (file: object) => ({ checks: [{ id: 'f', title: 'f', file: { path: 'server.js', message: 'Use a ? placeholder.', ...file } }] });
  const runOn = async (text: string, file: object) => (await runChecks(check(file), new FakeEnvironment(() => json(200, {}), { 'server.js': text })))[0];

  it('passes a correct solution whose comment quotes the old bug', async () => {
    expect((await runOn(fixed, { notContains: [/WHERE id = ' \+/] }))?.status).toBe('pass');
  });

  it('does not count a comment as the code a check asks for', async () => {
    const onlyInComment = "// TODO: await fraudCheck(amount)\nrun();";
    expect((await runOn(onlyInComment, { contains: [/await\s+fraudCheck\(/] }))?.status).toBe('fail');
  });

  it('does not take // inside a string for a comment, and points at the learner\'s line', async () => {
    const stillBroken = `${fixed}\nconst url = 'http://x.test/'; db.get('SELECT * FROM users WHERE id = ' + id);`;
    const result = await runOn(stillBroken, { notContains: [/WHERE id = ' \+/] });
    expect(result?.message).toBe("Use a ? placeholder. (server.js:7: const url = 'http://x.test/'; db.get('SELECT * FROM users WHERE id = ' + id);)");
  });

  it('masks string contents too when the author asks', async () => {
    expect((await runOn(fixed, { notContains: ['example.test'] }))?.status).toBe('fail');
    expect((await runOn(fixed, { notContains: ['example.test'], maskStrings: true }))?.status).toBe('pass');
  });

  it('masks SQL comments in .sql files and leaves other files as they are', async () => {
    const env = new FakeEnvironment(() => json(200, {}), { 'query.sql': '-- SELECT *\nSELECT name FROM t', 'notes.md': '<!-- SELECT * -->' });
    const results = await runChecks(
      { checks: [
        { id: 'sql', title: 's', file: { path: 'query.sql', notContains: ['SELECT *'], message: 'Name the columns.' } },
        { id: 'md', title: 'm', file: { path: 'notes.md', notContains: ['SELECT *'], message: 'x' } },
      ] },
      env,
    );
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail']);
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

  it('explains a mismatch seen only on the hidden data by what differs there, without accusing', async () => {
    const result = await run("SELECT 'Ann' AS customer, 12.5 AS total UNION ALL SELECT 'Bob', 5 UNION ALL SELECT 'Cy', NULL");
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      "Your query is right on the sample data but not on a second, hidden dataset with the same tables and different rows. There: Both return 3 rows, but they differ. Missing: ('Ann', 1), ('Dee', 7), ('Eve', 3). Unexpected: ('Ann', 12.5), ('Bob', 5), ('Cy', NULL). Your query depends on something true only of the visible data — for example a hard-coded id or value, or a missing tie-break in ORDER BY.",
    );
    expect(result?.message).not.toMatch(/hard-coded to|cheat/);
  });

  it('grades the last statement even when it returns no rows, with its columns', async () => {
    // sql.js's exec leaves out the empty last result: grading "the last result" graded the first SELECT.
    const result = await run('SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer;\nSELECT customer, amount AS total FROM orders WHERE amount > 1000;');
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("Your query returns 0 rows; the reference returns 3 rows. Missing: ('Ann', 12.5), ('Bob', 5), ('Cy', NULL).");
    expect(result?.actual).toBe('customer | total\n(no rows)');
  });

  it('says so when no statement returns a result', async () => {
    expect((await run("UPDATE orders SET amount = 0 WHERE customer = 'Zed';"))?.message).toBe('query.sql has no statement that returns a result. End it with the SELECT that answers the question.');
  });

  it('runs the check\'s setup SQL on both dataset copies before both queries', async () => {
    const setup = "INSERT INTO orders VALUES ('Tie', 1), ('Tie', 1);";
    const withSetup = (query: string) => {
      const env = new FakeEnvironment(() => json(200, {}), { 'query.sql': query }, { visible: datasetBytes(visible), hidden: datasetBytes(hidden) });
      return runChecks({ checks: [{ id: 's', title: 's', sql: { file: 'query.sql', reference: 'SELECT customer, amount FROM orders', setup } }] }, env);
    };
    expect((await withSetup('SELECT customer, amount FROM orders'))[0]?.status).toBe('pass');
    const [distinct] = await withSetup('SELECT DISTINCT customer, amount FROM orders');
    expect(distinct?.message).toBe("Your query returns 5 rows; the reference returns 6 rows. Missing: ('Tie', 1).");
    const broken = new FakeEnvironment(() => json(200, {}), { 'query.sql': 'SELECT 1' }, { visible: datasetBytes(visible), hidden: datasetBytes(hidden) });
    const [author] = await runChecks({ checks: [{ id: 'b', title: 'b', sql: { file: 'query.sql', reference: 'SELECT 1', setup: 'INSERT INTO nope VALUES (1)' } }] }, broken);
    expect(author).toMatchObject({ status: 'error', message: expect.stringContaining("the check's setup SQL does not run: no such table: nope") });
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
