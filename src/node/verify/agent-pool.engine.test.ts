/**
 * The engine end to end, through the real agent in real Node, as `lessons:verify` runs it: one
 * pooled agent serves every case of this file in turn. Bad learner servers and bad checks each
 * cost one clear result and never the run.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js';
import type { CheckResult } from '../../checks/result.ts';
import { fixtureText, fixtureWorkspace } from '../../../tests/fixtures/engine/fixture-workspace.ts';
import { datasetPath } from '../../agent/workspace-paths.ts';
import { startLocalAgent } from '../local-workspace.ts';
import { AgentPool } from './agent-pool.ts';

const pool = new AgentPool(1);
afterAll(() => pool.dispose());

const byId = (results: CheckResult[]) => Object.fromEntries(results.map((result) => [result.id, result]));

/** Processes whose working directory is (or was, before it was deleted) `root`. */
function processesIn(root: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).replace(/ \(deleted\)$/, '') === root;
      } catch {
        return false;
      }
    });
}

async function runServer(variant: string, checks = 'server/checks.ts') {
  const files = await fixtureWorkspace({ checks, files: { 'server.js': fixtureText(`server/${variant}.js`) } });
  return pool.run(files);
}

describe('server lessons through the agent', () => {
  it('passes a correct server, with MSW playing the upstream API per check', async () => {
    const summary = await runServer('good');
    expect(summary.results.map((r) => `${r.id}:${r.status}`)).toEqual(['health:pass', 'create-then-read:pass', 'weather:pass', 'weather-down:pass', 'uses-express:pass']);
  });

  it('serves scripted upstream sequences, hangs, delays and non-JSON bodies, and records the calls', async () => {
    const files = await fixtureWorkspace({ checks: 'upstream/checks.ts', files: { 'server.js': fixtureText('upstream/server.js') } });
    const summary = await pool.run(files);
    expect(summary.results.map((r) => `${r.id}:${r.status}:${r.status === 'pass' ? '' : r.message}`)).toEqual(['retry:pass:', 'retry-again:pass:', 'hang:pass:', 'slow-bad-json:pass:']);
  });

  it('fails a wrong server with precise messages', async () => {
    const results = byId((await runServer('wrong')).results);
    expect(results.health?.message).toBe('Step "GET /health": Answer GET /health with {"status":"ok"}. (expected a JSON body, got "text/html; charset=utf-8" text: "ok")');
    expect(results['create-then-read']?.message).toBe('Step "create": Answer POST /items with 201 and the created item. (expected status 201, got 200)');
    expect(results['weather-down']).toMatchObject({ status: 'fail', message: 'Answer 502 when the weather API cannot be reached.', expected: '502', actual: '500' });
  });

  it('says when the server never listens, with its output', async () => {
    const results = byId((await runServer('never-listens')).results);
    expect(results.health?.status).toBe('fail');
    expect(results.health?.message).toMatch(/Your server did not start listening within 5 s\. It must listen on process\.env\.PORT/);
    expect(results.health?.message).toContain('setting up, but never calling listen');
    expect(results['uses-express']?.message).toBe('Build the server with express.');
  }, 20_000);

  it('says when the server exits at once, with its output and stack', async () => {
    const results = byId((await runServer('exits')).results);
    expect(results.health?.message).toMatch(/Your server is not running\. Your server exited with code 1\./);
    expect(results.health?.message).toContain('Error: database config missing');
    expect(results.health?.logs).toMatch(/server\.js:2/);
  });

  it('costs one check for a throwing check and one for an infinite loop; the rest still run', async () => {
    const summary = await runServer('good', 'bad/checks.ts');
    expect(summary.results.map((r) => `${r.id}:${r.status}`)).toEqual(['checker-throws:error', 'after-throw:pass', 'loops:timeout', 'after-loop:pass']);
    const results = byId(summary.results);
    expect(results['checker-throws']?.message).toBe('The checker crashed — this is not your fault: author typo');
    expect(results.loops?.message).toMatch(/^This check did not finish within 1 s\./);
  });
});

describe('check code that never yields', () => {
  it('costs one check: timeout for it in seconds, the others report, and no process is left', async () => {
    const files = await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': fixtureText('server/good.js') } });
    const agent = await startLocalAgent(files);
    const started = performance.now();
    let results: CheckResult[];
    try {
      ({ results } = await agent.client.check(undefined, { timeoutMs: 60_000 }));
    } finally {
      await agent.dispose();
    }
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(results.map((r) => `${r.id}:${r.status}`)).toEqual(['before:pass', 'spins:timeout', 'after:pass']);
    expect(byId(results).spins?.message).toMatch(/^This check did not finish within 1 s/);
    expect(processesIn(agent.root)).toEqual([]);
  }, 40_000);
});

describe('time in checks', () => {
  it('grades a 60 s expiry and a 30 s timer in milliseconds, and resets the clock for every check', async () => {
    const files = await fixtureWorkspace({ checks: 'clock/checks.ts', files: { 'server.js': fixtureText('clock/server.js') } });
    const summary = await pool.run(files);
    expect(summary.results.map((r) => `${r.id}:${r.status}:${r.status === 'pass' ? '' : r.message}`)).toEqual(['token-expires:pass:', 'clock-was-reset:pass:', 'timer-ttl:pass:']);
    expect(summary.results.every((r) => r.durationMs < 2000)).toBe(true);
  });
});

describe('sql lessons through the agent', () => {
  async function runQuery(query: string) {
    const SQL = await initSqlJs();
    const dataset = (rows: [string, number][]) => {
      const db = new SQL.Database();
      db.run('CREATE TABLE orders (customer TEXT, amount REAL)');
      for (const row of rows) db.run('INSERT INTO orders VALUES (?, ?)', row);
      return db.export();
    };
    const files = await fixtureWorkspace({
      checks: 'sql/checks.ts',
      kind: 'sql',
      dataset: 'orders',
      files: { 'query.sql': query },
      extra: { [datasetPath('orders', 'visible')]: dataset([['Ann', 10], ['Bob', 4], ['Ann', 1]]), [datasetPath('orders', 'hidden')]: dataset([['Cy', 3], ['Dee', 9]]) },
    });
    return (await pool.run(files)).results[0];
  }

  it('passes a right query and catches one hard-coded to the visible data', async () => {
    expect((await runQuery('SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer ORDER BY 2 DESC;'))?.status).toBe('pass');
    const hardCoded = await runQuery("SELECT 'Ann' AS customer, 11 AS total UNION ALL SELECT 'Bob', 4");
    expect(hardCoded?.message).toMatch(/not on a second, hidden dataset/);
  });

  it('names the line and column of a syntax error', async () => {
    const result = await runQuery('SELECT customer, SUM(amount) AS total\nFROM orders\nGROUP customer');
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(/^query\.sql:3:7: near "customer": syntax error/);
  });
});
