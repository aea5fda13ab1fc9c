/**
 * Retries with backoff, graded with the server's clock. A check starts a request without
 * awaiting it, watches the calls the learner's server makes to the inventory fake, and moves
 * the clock: the waits must really happen (nothing before the shortest allowed wait) and must
 * end (the retry comes by the longest allowed wait). Real time also moves the server's timers,
 * so every "not yet" observation leaves a margin of at least 400 ms of real time before a
 * correct solution's earliest retry; every "must have happened" poll waits longer than any
 * allowed wait, so a slow machine makes a check slower, never wrong.
 *
 * The jitter (a random part of each wait) is stated in the lesson but not graded: no single
 * run can tell a random wait from a fixed one inside the allowed window.
 */
import { defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse, type UpstreamResponse, type UpstreamScript } from '../../../src/checks/define.ts';
import { describe, pollUntil, send, sleep } from '../../_support/checks.ts';

const INVENTORY = 'https://inventory.test';
const RESERVATIONS = `${INVENTORY}/reservations`;

function stockUrl(sku: string): string {
  return `${INVENTORY}/stock/${sku}`;
}

function stock(sku: string, available: number): UpstreamResponse {
  return { json: { sku, available } };
}

const unavailable: UpstreamResponse = { status: 503, json: { error: 'busy, try again' } };

/** A request sent now and awaited later, while the check moves the clock. */
function start(t: CheckContext, spec: HttpRequestSpec): Promise<HttpResponse> {
  const pending = send(t, spec);
  // Awaited later; until then a failure must not count as unhandled.
  pending.catch(() => undefined);
  return pending;
}

/** The response if it arrives within `ms` of real time, else undefined. */
async function within(pending: Promise<HttpResponse>, ms: number): Promise<HttpResponse | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function callsTo(t: CheckContext, method: string, url: string): Promise<number> {
  return (await t.upstreamCalls()).filter((call) => call.method === method && call.url === url).length;
}

/** Polls until the server has made `count` calls to `url` or `ms` of real time passed; returns the number seen. */
function waitForCalls(t: CheckContext, url: string, count: number, ms: number, method = 'GET'): Promise<number> {
  return pollUntil(() => callsTo(t, method, url), (seen) => seen >= count, ms);
}

/**
 * Lets a request run to its end: moves the clock 6 s at a time (longer than any backoff) until
 * it answers, at most `rounds` times. A server that keeps retrying never answers: undefined.
 */
async function drain(t: CheckContext, pending: Promise<HttpResponse>, rounds = 8): Promise<HttpResponse | undefined> {
  for (let round = 0; round < rounds; round++) {
    const res = await within(pending, 300);
    if (res) return res;
    await t.clock.advance(6000);
  }
  return within(pending, 1000);
}

/** GET /stock/:sku to its end; fails the check when the server never answers. */
async function readStock(t: CheckContext, sku: string, neverAnswered: string): Promise<HttpResponse> {
  const res = await drain(t, start(t, { path: `/stock/${sku}` }));
  if (!res) {
    const calls = await callsTo(t, 'GET', stockUrl(sku));
    return t.fail(neverAnswered, { expected: 'an answer after at most 3 calls', actual: `no answer after ${calls} calls to the inventory service` });
  }
  return res;
}

async function expectCalls(t: CheckContext, url: string, count: number, message: string, method = 'GET'): Promise<void> {
  const calls = await callsTo(t, method, url);
  t.expectTrue(calls === count, message, { expected: `${count} ${method} ${url}`, actual: `${calls} ${method} ${url}` });
}

function expectStatus(t: CheckContext, res: HttpResponse, status: number, message: string): void {
  t.expectTrue(res.status === status, message, { expected: String(status), actual: describe(res) });
}

function expectStock(t: CheckContext, res: HttpResponse, sku: string, available: number, message: string): void {
  t.expectTrue(res.status === 200 && JSON.stringify(res.json) === JSON.stringify({ sku, available }), message, { expected: `200 {"sku":"${sku}","available":${available}}`, actual: describe(res) });
}

const NEVER_ANSWERED = 'Your server never answered: after the third attempt, stop retrying and answer 502.';

/** What the Try-it requests meet: a service that fails twice before answering, a missing sku, and a reservation. */
const tryItInventory: UpstreamScript = {
  [`GET ${stockUrl('LAMP-1')}`]: [unavailable, { status: 502, body: 'Bad Gateway' }, stock('LAMP-1', 12)],
  [`GET ${INVENTORY}/stock/*`]: { status: 404, json: { error: 'unknown sku' } },
  [`POST ${RESERVATIONS}`]: { status: 201, json: { id: 'r_1', sku: 'LAMP-1', quantity: 1 } },
};

export default defineChecks({
  upstream: tryItInventory,
  checks: [
    {
      id: 'retries-then-succeeds',
      title: 'Two 503s and then an answer: GET /stock/:sku makes three calls and answers 200',
      hint: 'Loop over attempts: fetch; if the status is retryable and attempts remain, wait, then try again; otherwise return the response.',
      timeoutMs: 30_000,
      upstream: { [`GET ${stockUrl('A-100')}`]: [unavailable, unavailable, stock('A-100', 7)] },
      run: async (t) => {
        const res = await readStock(t, 'A-100', NEVER_ANSWERED);
        await expectCalls(t, stockUrl('A-100'), 3, 'The inventory service answered 503 twice, then the stock: call it up to three times in all.');
        expectStock(t, res, 'A-100', 7, 'The third attempt succeeded: answer 200 with the stock it returned.');
      },
    },
    {
      id: 'transient-failures-retried',
      title: 'A failed connection, 429, 502 and 504 are each retried',
      hint: 'fetch rejects when the connection fails: catch it and retry like a 503. Retry the statuses 429, 502, 503 and 504.',
      timeoutMs: 30_000,
      upstream: {
        [`GET ${stockUrl('B-net')}`]: [{ networkError: true }, stock('B-net', 1)],
        [`GET ${stockUrl('B-429')}`]: [{ status: 429, json: { error: 'slow down' } }, stock('B-429', 2)],
        [`GET ${stockUrl('B-502')}`]: [{ status: 502, body: 'Bad Gateway' }, stock('B-502', 3)],
        [`GET ${stockUrl('B-504')}`]: [{ status: 504, body: 'Gateway Timeout' }, stock('B-504', 4)],
      },
      run: async (t) => {
        const cases: [string, number, string][] = [
          ['B-net', 1, 'the connection failed (fetch rejected)'],
          ['B-429', 2, 'the service answered 429 Too Many Requests'],
          ['B-502', 3, 'the service answered 502 Bad Gateway'],
          ['B-504', 4, 'the service answered 504 Gateway Timeout'],
        ];
        for (const [sku, available, what] of cases) {
          const res = await readStock(t, sku, NEVER_ANSWERED);
          expectStock(t, res, sku, available, `The first call failed because ${what}, and the second would have succeeded: retry it after a backoff, and answer 200 with the stock.`);
          await expectCalls(t, stockUrl(sku), 2, `After ${what}, call the service once more (and stop when it succeeds).`);
        }
      },
    },
    {
      id: 'final-answers-not-retried',
      title: '404, 400 and 500 are final: one call each (404 answered 404, the others 502)',
      hint: 'Retry only network errors and 429, 502, 503, 504; any other status is the answer, however bad.',
      timeoutMs: 30_000,
      upstream: {
        [`GET ${stockUrl('C-404')}`]: [{ status: 404, json: { error: 'unknown sku' } }, stock('C-404', 1)],
        [`GET ${stockUrl('C-400')}`]: [{ status: 400, json: { error: 'malformed sku' } }, stock('C-400', 1)],
        [`GET ${stockUrl('C-500')}`]: [{ status: 500, json: { error: 'NullPointerException' } }, stock('C-500', 1)],
      },
      run: async (t) => {
        const notFound = await readStock(t, 'C-404', NEVER_ANSWERED);
        await expectCalls(t, stockUrl('C-404'), 1, 'A 404 will be a 404 next time too: call the service once, never retry a 4xx other than 429.');
        expectStatus(t, notFound, 404, 'When the service answers 404, answer 404 (the starter already does: keep that).');
        const bad = await readStock(t, 'C-400', NEVER_ANSWERED);
        await expectCalls(t, stockUrl('C-400'), 1, 'A 400 says the request itself is wrong; sending it again gets the same answer. Call the service once.');
        expectStatus(t, bad, 502, 'When the service answers 400, answer 502.');
        const broken = await readStock(t, 'C-500', NEVER_ANSWERED);
        await expectCalls(t, stockUrl('C-500'), 1, 'A 500 is not one of the "try again later" answers (429, 502, 503, 504) this server retries: call the service once.');
        expectStatus(t, broken, 502, 'When the service answers 500, answer 502.');
      },
    },
    {
      id: 'post-not-retried',
      title: 'POST /reservations is sent once, even when the service answers 503: 502 to the client',
      hint: 'Keep POST /reservations on a single fetch: the retry helper is for GET only.',
      timeoutMs: 30_000,
      upstream: { [`POST ${RESERVATIONS}`]: [unavailable, { status: 201, json: { id: 'r_2', sku: 'D-1', quantity: 1 } }] },
      run: async (t) => {
        const res = await drain(t, start(t, { method: 'POST', path: '/reservations', json: { sku: 'D-1', quantity: 1 } }));
        await expectCalls(t, RESERVATIONS, 1, 'POST /reservations was sent more than once. A POST is not idempotent: the first one may have reserved the stock although its answer was an error, and a second one could reserve it twice. Send it once and answer 502 when it fails.', 'POST');
        if (!res) return t.fail('POST /reservations never answered: when the service answers 503, answer 502 at once.');
        expectStatus(t, res, 502, 'When the service answers the reservation with 503, answer 502 (the starter already does: keep that).');
      },
    },
    {
      id: 'gives-up-after-three',
      title: 'A service that keeps answering 503 gets exactly three calls, then the client gets 502',
      hint: 'Count attempts from 1; when attempt === 3 return the last response instead of waiting again.',
      timeoutMs: 30_000,
      upstream: { [`GET ${stockUrl('E-down')}`]: unavailable },
      run: async (t) => {
        const res = await drain(t, start(t, { path: '/stock/E-down' }));
        await expectCalls(t, stockUrl('E-down'), 3, 'Make at most 3 attempts in all (the first call and two retries), then give up.');
        if (!res) return t.fail(NEVER_ANSWERED);
        expectStatus(t, res, 502, 'After the third failed attempt, answer 502 Bad Gateway.');
      },
    },
    {
      id: 'backoff-schedule',
      title: 'The first retry waits 2–3 s, the second 4–5 s (exponential backoff)',
      hint: 'Wait `2 ** retry * 1000 + Math.random() * 1000` ms before retry 1, 2: with setTimeout (the checks move its clock).',
      timeoutMs: 30_000,
      upstream: { [`GET ${stockUrl('F-200')}`]: [unavailable, unavailable, stock('F-200', 9)] },
      run: async (t) => {
        const url = stockUrl('F-200');
        const pending = start(t, { path: '/stock/F-200' });
        if ((await waitForCalls(t, url, 1, 5000)) < 1) return t.fail('GET /stock/F-200 must call the inventory service.');
        await sleep(500);
        await expectCalls(t, url, 1, 'Your server retried within half a second of a 503. Back off first: wait at least 2 s before the first retry, so a service that is struggling gets a moment to recover.');
        await t.clock.advance(3000);
        if ((await waitForCalls(t, url, 2, 6000)) < 2) {
          return t.fail('3 s after the first 503 your server had not retried: wait 2 s plus up to 1 s of jitter before the first retry, not longer. Use setTimeout for the wait: the checks move its clock (node:timers/promises is not moved).');
        }
        // Lets the server receive the second 503 and start its wait before the clock moves.
        await sleep(200);
        await t.clock.advance(3000);
        await sleep(300);
        await expectCalls(t, url, 2, 'The second retry came less than 4 s after the second 503. Double the wait at every retry: 2–3 s before the first, 4–5 s before the second.');
        await t.clock.advance(3000);
        if ((await waitForCalls(t, url, 3, 6000)) < 3) return t.fail('5 s after the second 503 your server had not retried: wait 4 s plus up to 1 s before the second retry.');
        const res = await within(pending, 5000);
        if (!res) return t.fail('The third attempt succeeded but GET /stock/F-200 never answered.');
        expectStock(t, res, 'F-200', 9, 'The third attempt succeeded: answer 200 with its stock.');
      },
    },
    {
      id: 'retry-after-honoured',
      title: 'Retry-After (seconds) on a 503 or 429 replaces the backoff: 30 s and 10 s are waited out, not less',
      hint: "`const seconds = response.headers.get('retry-after')`: when it is a whole number, wait `seconds * 1000` ms instead of your backoff.",
      timeoutMs: 30_000,
      upstream: {
        [`GET ${stockUrl('G-503')}`]: [{ status: 503, json: { error: 'maintenance' }, headers: { 'retry-after': '30' } }, stock('G-503', 5)],
        [`GET ${stockUrl('G-429')}`]: [{ status: 429, json: { error: 'slow down' }, headers: { 'retry-after': '10' } }, stock('G-429', 6)],
      },
      run: async (t) => {
        const cases: [string, number, number][] = [
          ['G-503', 30, 5],
          ['G-429', 10, 6],
        ];
        for (const [sku, seconds, available] of cases) {
          const url = stockUrl(sku);
          const status = sku.slice(2);
          const pending = start(t, { path: `/stock/${sku}` });
          if ((await waitForCalls(t, url, 1, 5000)) < 1) return t.fail(`GET /stock/${sku} must call the inventory service.`);
          // Lets the server receive the answer and start its wait before the clock moves.
          await sleep(200);
          await t.clock.advance((seconds - 5) * 1000);
          await sleep(500);
          await expectCalls(t, url, 1, `The service answered ${status} with Retry-After: ${seconds}, and your server retried less than ${seconds - 5} s later. Retry-After is in seconds: wait that long (instead of your own backoff) before retrying.`);
          if (await within(pending, 1)) return t.fail(`The service answered ${status} with Retry-After: ${seconds}, and your server gave up without retrying. A transient failure with a Retry-After of up to 30 s is waited out, then retried.`);
          await t.clock.advance(6000);
          if ((await waitForCalls(t, url, 2, 3000)) < 2) return t.fail(`${seconds + 1} s after a ${status} with Retry-After: ${seconds}, your server had not retried. Wait exactly Retry-After seconds (up to 30 s), then call again.`);
          const res = await within(pending, 5000);
          if (!res) return t.fail(`The retry succeeded but GET /stock/${sku} never answered.`);
          expectStock(t, res, sku, available, 'The retry succeeded: answer 200 with its stock.');
        }
      },
    },
    {
      id: 'retry-after-too-long',
      title: 'Retry-After: 31 (over the 30 s limit) is not waited for: 502 at once, one call',
      hint: 'When Retry-After is more than 30, return the response at once: your client should not wait that long.',
      timeoutMs: 30_000,
      upstream: { [`GET ${stockUrl('H-503')}`]: [{ status: 503, json: { error: 'maintenance' }, headers: { 'retry-after': '31' } }, stock('H-503', 1)] },
      run: async (t) => {
        const pending = start(t, { path: '/stock/H-503' });
        const res = await within(pending, 3000);
        if (!res) {
          // Ends the wait the server started, so the check leaves nothing running.
          await drain(t, pending, 3);
          return t.fail('The service asked for 31 s (Retry-After: 31), more than the 30 s this server may wait for its client, and your server kept the request waiting. Answer 502 at once instead.');
        }
        expectStatus(t, res, 502, 'When Retry-After is over 30 s, give up at once: answer 502.');
        await expectCalls(t, stockUrl('H-503'), 1, 'Retry-After over 30 s means no retry: call the service once.');
      },
    },
  ],
});
