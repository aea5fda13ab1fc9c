/**
 * Health, readiness and graceful shutdown. Readiness is graded with the clock (the starter's
 * database connects 15 s after start: the check looks before, then moves the clock past it).
 * Shutdown is graded by sending SIGTERM while a 2-second request is in flight and watching
 * that request, new connections and the exit. Every check starts on a fresh server, since a
 * shutdown check ends the previous one; the last ones start it again for the learner.
 */
import { defineChecks, type CheckContext, type ServerExit } from '../../../src/checks/define.ts';
import { describe, inFlight, pollUntil, sleep, type Outcome } from '../../_support/checks.ts';

/** The starter's database connects this long after start (db.js). */
const CONNECT_MS = 15_000;
/** How long a server may take to exit after SIGTERM: the 2 s export, plus the 5 s a kept-alive connection may linger, plus slack. */
const EXIT_WAIT_MS = 12_000;
const SHUTDOWN_CHECK_MS = 25_000;



/**
 * Starts GET /export and resolves once the server has printed "export started" (the request
 * is in flight), with the request's outcome still to come (wrapped: an async function would
 * otherwise wait for it).
 */
async function exportInFlight(t: CheckContext): Promise<{ outcome: Promise<Outcome> }> {
  const outcome = inFlight(t, { path: '/export' });
  const started = await pollUntil(() => t.serverLines().some((line) => line.includes('export started')), (seen) => seen, 5000);
  if (!started) t.fail('GET /export never printed "export started". Keep the /export route as the starter has it.', { actual: t.serverOutput() });
  return { outcome };
}

function describeExit(exit: ServerExit): string {
  if (!exit.exited) return `still running ${exit.afterMs} ms after SIGTERM`;
  return exit.signal !== null ? `killed by ${exit.signal} after ${exit.afterMs} ms (no SIGTERM handler)` : `exited with code ${exit.code} after ${exit.afterMs} ms`;
}

/** Starts the server again after a check stopped it, so the learner finds it running. */
async function startAgain(t: CheckContext): Promise<void> {
  try {
    await t.restartServer();
  } catch {
    // The check's verdict is already decided; the output panel shows why the server is down.
  }
}

export default defineChecks({
  checks: [
    {
      id: 'healthz-while-database-connects',
      title: 'GET /healthz answers 200 even while the database is not ready',
      hint: "app.get('/healthz', (req, res) => res.json({ status: 'ok' })) — no database call in it.",
      freshServer: true,
      steps: [
        {
          request: { path: '/healthz' },
          expect: { status: 200, json: [{ path: 'status', equals: 'ok' }] },
          message: 'Answer GET /healthz with 200 { "status": "ok" } as long as the process runs, without asking the database: the orchestrator restarts an instance whose liveness probe fails, and restarting does not fix a database that is down.',
        },
      ],
    },
    {
      id: 'readyz-follows-database',
      title: 'GET /readyz answers 503 while the database connects, and 200 once it is connected',
      hint: 'In /readyz, await db.ping() on every request: 200 { status: "ready" } if it resolves, 503 { status: "not ready" } if it throws.',
      freshServer: true,
      timeoutMs: 10_000,
      run: async (t) => {
        const before = await t.request({ path: '/readyz' });
        t.expectTrue(before.status === 503, 'While the database is still connecting, GET /readyz must answer 503 Service Unavailable: the load balancer then sends traffic to the instances that can serve it.', {
          expected: '503 { "status": "not ready" }',
          actual: describe(before),
        });
        await t.clock.advance(CONNECT_MS);
        const after = await t.request({ path: '/readyz' });
        t.expectTrue(after.status === 200, 'Once the database is connected (15 s after start), GET /readyz must answer 200. Ask the database on every request (await db.ping()) instead of deciding once at start-up.', {
          expected: '200 { "status": "ready" }',
          actual: describe(after),
        });
      },
    },
    {
      id: 'sigterm-finishes-in-flight',
      title: 'On SIGTERM the request in flight still gets its answer, then the server exits with code 0',
      hint: "process.once('SIGTERM', () => server.close(async () => { await db.close(); process.exit(0); })) — server is what app.listen returned.",
      freshServer: true,
      timeoutMs: SHUTDOWN_CHECK_MS,
      run: async (t) => {
        try {
          const exporting = await exportInFlight(t);
          const exiting = t.signalServer('SIGTERM', { timeoutMs: EXIT_WAIT_MS });
          const outcome = await exporting.outcome;
          const exit = await exiting;
          if ('error' in outcome) {
            return t.fail('The GET /export in flight when SIGTERM arrived got no answer: the process ended under it. On SIGTERM call server.close(callback) and exit only in the callback, once the requests in flight have finished.', {
              actual: `${outcome.error}\nserver: ${describeExit(exit)}`,
            });
          }
          t.expectTrue(outcome.res.status === 200, 'The GET /export in flight when SIGTERM arrived must still answer 200 with its data.', { actual: describe(outcome.res) });
          t.expectTrue(exit.exited && exit.signal === null && exit.code === 0, 'After the last request, exit with code 0 (process.exit(0)): a requested shutdown that went well is not a crash, and a non-zero code makes the orchestrator report a failure.', {
            expected: 'exited with code 0',
            actual: describeExit(exit),
          });
        } finally {
          await startAgain(t);
        }
      },
    },
    {
      id: 'sigterm-stops-accepting',
      title: 'After SIGTERM new connections are refused while the request in flight finishes',
      hint: 'server.close() stops the listener at once; a hand-made counter of requests in flight does not.',
      freshServer: true,
      timeoutMs: SHUTDOWN_CHECK_MS,
      run: async (t) => {
        try {
          const exporting = await exportInFlight(t);
          let finished = false;
          void exporting.outcome.then(() => {
            finished = true;
          });
          const exiting = t.signalServer('SIGTERM', { timeoutMs: EXIT_WAIT_MS });
          let refused = false;
          const answered: string[] = [];
          while (!finished && !refused) {
            await sleep(100);
            if (finished) break;
            try {
              const res = await t.request({ path: '/healthz' });
              answered.push(`${res.status}`);
            } catch {
              refused = true;
            }
          }
          await exiting;
          t.expectTrue(refused, 'New requests were still answered after SIGTERM, while GET /export was finishing. Stop accepting connections as soon as SIGTERM arrives (server.close()): the load balancer is already sending new traffic elsewhere, and an instance that keeps taking it never gets to stop.', {
            expected: 'a new connection refused before GET /export finished',
            actual: `answered after SIGTERM: ${answered.join(', ') || '(none tried before /export finished)'}`,
          });
        } finally {
          await startAgain(t);
        }
      },
    },
    {
      id: 'sigterm-closes-database',
      title: 'On SIGTERM the server closes the database before it exits',
      hint: 'In the server.close callback: await db.close(), then process.exit(0).',
      freshServer: true,
      timeoutMs: SHUTDOWN_CHECK_MS,
      run: async (t) => {
        try {
          const exit = await t.signalServer('SIGTERM', { timeoutMs: EXIT_WAIT_MS });
          t.expectTrue(exit.exited && exit.code === 0, 'On SIGTERM, with nothing in flight, the server must close and exit with code 0.', { actual: describeExit(exit) });
          t.expectTrue(t.serverLines().some((line) => line.includes('database closed')), 'Close the database (await db.close()) before exiting: a real database keeps connections and unfinished writes for clients that vanish without closing.', {
            expected: 'db.js printed "database closed"',
            actual: t.serverOutput() || '(no output)',
          });
        } finally {
          await startAgain(t);
        }
      },
    },
  ],
});
