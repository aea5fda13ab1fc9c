/**
 * Idempotency keys on POST /payments (draft-ietf-httpapi-idempotency-key-header, Stripe's
 * documented behaviour). Every check counts what really happened — payments listed by
 * GET /payments and transfers the bank was asked for — before and after, so "nothing new was
 * created" is measured, not inferred from a status code. Checks share one server, so each uses
 * keys of its own and compares counts relative to where it started.
 *
 * The two race checks are deterministic: the bank is scripted to take 60 s of the server's
 * clock, the check waits until the bank has the first transfer (the first request is then
 * surely in flight), sends the second, waits until it was answered or reached the bank too, and
 * only then moves the clock so the bank answers. No timing window is guessed.
 */
import { defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse, type UpstreamScript } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { describe, pollUntil, send, uniqueName } from '../../_support/checks.ts';

const BANK = 'POST https://bank.test/v1/transfers';
const TRANSFERRED = { status: 201, json: { status: 'accepted' } };
/** The bank while the learner tries requests: slow enough to press Send twice and see a 409. */
const TRY_IT_BANK: UpstreamScript = { [BANK]: { ...TRANSFERRED, delayMs: 2000 } };
/** The bank in most checks: answers at once. */
const FAST_BANK: UpstreamScript = { [BANK]: TRANSFERRED };
/** Long on the server's clock; the race checks end it with `t.clock.advance`. */
const SLOW_BANK_MS = 60_000;
const SLOW_BANK: UpstreamScript = { [BANK]: { ...TRANSFERRED, delayMs: SLOW_BANK_MS } };
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far from the 24-hour edge the expiry checks look: wide enough for a loaded machine's delays. */
const EDGE_MS = 60_000;
/** Real time to wait for the server to reach a state (the bank called, a request answered). */
const SETTLE_MS = 8000;

interface Payment {
  amountCents: number;
  to: string;
}

function newKey(label: string): string {
  return uniqueName(`pay-${label}`);
}

function payRequest(key: string | undefined, payment: Payment): HttpRequestSpec {
  return { method: 'POST', path: '/payments', headers: key === undefined ? {} : { 'idempotency-key': key }, json: payment };
}

function pay(t: CheckContext, key: string | undefined, payment: Payment): Promise<HttpResponse> {
  return send(t, payRequest(key, payment));
}

/** How many payments GET /payments lists: the given route, so a broken one is a setup failure. */
async function paymentCount(t: CheckContext): Promise<number> {
  const res = await send(t, { path: '/payments' });
  if (res.status !== 200 || !Array.isArray(res.json)) {
    throw new CheckFailure('this check counts payments with GET /payments, which must answer 200 with the list (the route is given: keep it).', {
      expected: '200 [ … ]',
      actual: describe(res),
      kind: 'setup',
    });
  }
  return res.json.length;
}

async function bankCalls(t: CheckContext): Promise<number> {
  return (await t.upstreamCalls()).filter((call) => call.url.startsWith('https://bank.test/')).length;
}

/** The first request with a fresh key must simply work; otherwise nothing else can be tested. */
async function firstPayment(t: CheckContext, key: string, payment: Payment): Promise<HttpResponse> {
  const res = await pay(t, key, payment);
  if (res.status !== 201) {
    throw new CheckFailure(`this check first makes a payment with a new Idempotency-Key, and POST /payments must answer 201 for it.`, {
      expected: '201 {"id":…,"amountCents":…,"to":"…","createdAt":"…"}',
      actual: describe(res),
      kind: 'setup',
    });
  }
  return res;
}

/** Expiry can only be tested once a retry replays at all; otherwise that is retry-replays' diagnosis, not this check's. */
async function expectImmediateReplay(t: CheckContext, key: string, payment: Payment, first: HttpResponse): Promise<void> {
  const retry = await pay(t, key, payment);
  if (retry.status !== first.status || retry.text !== first.text) {
    throw new CheckFailure('this check tests how long a key is kept, so a retry with the same key and body must first get the first answer again (see the check on retries).', {
      expected: describe(first),
      actual: describe(retry),
      kind: 'setup',
    });
  }
}

/** Polls `condition` (real time, bounded) until it holds; false when it never did. */
function eventually(condition: () => boolean | Promise<boolean>): Promise<boolean> {
  return pollUntil(condition, (held) => held, SETTLE_MS);
}

/** A request sent now and awaited later: its failure is kept for the await, not reported as unhandled. */
function inFlight(t: CheckContext, spec: HttpRequestSpec): { done: () => boolean; response: Promise<HttpResponse> } {
  let settled = false;
  const response = send(t, spec);
  response.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { done: () => settled, response };
}

/**
 * Sends `first`, waits until the bank has its transfer (so it is surely in flight), sends
 * `second`, waits until that one was answered or reached the bank as well, then lets the slow
 * bank answer. Both answers, in order.
 */
async function overlap(t: CheckContext, first: HttpRequestSpec, second: HttpRequestSpec): Promise<[HttpResponse, HttpResponse]> {
  const a = inFlight(t, first);
  if (!(await eventually(async () => a.done() || (await bankCalls(t)) >= 1)) || a.done()) {
    const res = await a.response;
    throw new CheckFailure('this check sends a payment while the bank is slow, and POST /payments must call the bank (sendToBank) and wait for it before answering. Keep the given sendToBank call.', {
      expected: 'a call to https://bank.test/v1/transfers, then the answer',
      actual: describe(res),
      kind: 'setup',
    });
  }
  const b = inFlight(t, second);
  await eventually(async () => b.done() || (await bankCalls(t)) >= 2);
  await t.clock.advance(SLOW_BANK_MS);
  return [await a.response, await b.response];
}

export default defineChecks({
  upstream: TRY_IT_BANK,
  checks: [
    {
      id: 'key-required',
      title: 'POST /payments without an Idempotency-Key, or with an empty one, answers 400 and pays nothing',
      hint: "First thing in the route: const key = req.get('Idempotency-Key'); if (!key) return res.status(400).json({ error: '…' });",
      upstream: FAST_BANK,
      run: async (t) => {
        const before = await paymentCount(t);
        const res = await pay(t, undefined, { amountCents: 2000, to: 'alice' });
        t.expectTrue(res.status === 400, 'A payment without an Idempotency-Key cannot be retried safely, so this endpoint requires one: answer 400 with an error saying so (the draft standard asks for 400), before doing anything else.', { expected: '400', actual: describe(res) });
        t.expectEqual(await bankCalls(t), 0, 'The request without an Idempotency-Key was refused, so the bank must not be called: check the header before sendToBank.');
        t.expectEqual(await paymentCount(t), before, 'The request without an Idempotency-Key was refused, so no payment may be added.');
        const empty = await pay(t, '', { amountCents: 2000, to: 'alice' });
        t.expectTrue(empty.status === 400, 'An empty Idempotency-Key is no key: answer 400 for it too (if (!key) covers both undefined and "").', { expected: '400', actual: describe(empty) });
        t.expectEqual(await paymentCount(t), before, 'The request with an empty Idempotency-Key was refused, so no payment may be added.');
      },
    },
    {
      id: 'key-length-limit',
      title: 'An Idempotency-Key of 255 characters is accepted; 256 characters answers 400 and pays nothing',
      hint: 'if (!key || key.length > 255) → 400. 255 itself is allowed.',
      upstream: FAST_BANK,
      run: async (t) => {
        const base = newKey('long');
        const longest = base + 'x'.repeat(255 - base.length);
        const ok = await pay(t, longest, { amountCents: 1200, to: 'bob' });
        t.expectTrue(ok.status === 201, 'A key of exactly 255 characters is the longest allowed: it must be accepted (201). Reject only keys longer than 255 (key.length > 255).', { expected: '201', actual: describe(ok) });
        const before = await paymentCount(t);
        const calls = await bankCalls(t);
        const tooLong = await pay(t, `${longest}y`, { amountCents: 1200, to: 'bob' });
        t.expectTrue(tooLong.status === 400, 'A key of 256 characters is too long: answer 400. Keys are stored, so their length must be bounded (255, as Stripe does).', { expected: '400', actual: describe(tooLong) });
        t.expectEqual(await bankCalls(t), calls, 'The request with a 256-character key was refused, so the bank must not be called.');
        t.expectEqual(await paymentCount(t), before, 'The request with a 256-character key was refused, so no payment may be added.');
      },
    },
    {
      id: 'first-request-pays',
      title: 'The first POST /payments with a new key pays once and answers 201 with the payment',
      hint: 'A key you have not seen is a new payment: sendToBank, store the payment, answer 201 with it.',
      upstream: FAST_BANK,
      run: async (t) => {
        const before = await paymentCount(t);
        const res = await pay(t, newKey('first'), { amountCents: 2500, to: 'carol' });
        const body = res.json as Partial<Record<string, unknown>> | undefined;
        t.expectTrue(res.status === 201 && typeof body?.id === 'number' && body.amountCents === 2500 && body.to === 'carol', 'A new key is a new payment: call the bank, store the payment and answer 201 with it ({ id, amountCents, to, createdAt }).', {
          expected: '201 {"id":…,"amountCents":2500,"to":"carol","createdAt":"…"}',
          actual: describe(res),
        });
        t.expectEqual(await bankCalls(t), 1, 'One payment is one transfer: call the bank exactly once.');
        t.expectEqual(await paymentCount(t), before + 1, 'The new payment must be listed by GET /payments.');
      },
    },
    {
      id: 'retry-replays',
      title: 'A retry with the same key and body gets the same status and body, and pays nothing again',
      hint: 'When the first request is done, store its answer with the key: keys.set(key, { …, response: { status: 201, body: payment } }). A retry answers res.status(stored.status).json(stored.body) — before sendToBank.',
      upstream: FAST_BANK,
      run: async (t) => {
        const key = newKey('retry');
        const payment = { amountCents: 4200, to: 'dave' };
        const first = await firstPayment(t, key, payment);
        const count = await paymentCount(t);
        const retry = await pay(t, key, payment);
        t.expectEqual(await bankCalls(t), 1, 'The retry called the bank again: that moves the money twice. Look the key up before sendToBank, and answer a known key with its stored answer.');
        t.expectEqual(await paymentCount(t), count, 'The retry must not add a payment: GET /payments must list the same payments as before it.');
        t.expectTrue(retry.status === first.status && retry.text === first.text, 'A retry with the same key is the same request arriving again (the client never got the first answer): answer exactly what you answered the first time — the same status (201) and the same body, byte for byte, with nothing added or left out.', {
          expected: describe(first),
          actual: describe(retry),
        });
      },
    },
    {
      id: 'different-body-422',
      title: 'The same key with a different amount or recipient answers 422, pays nothing, and the first answer stays',
      hint: 'Store a fingerprint of the request with the key — e.g. a hash of JSON.stringify([amountCents, to]) — and answer 422 when a request with that key has another fingerprint.',
      upstream: FAST_BANK,
      run: async (t) => {
        const key = newKey('reuse');
        const payment = { amountCents: 1500, to: 'erin' };
        const first = await firstPayment(t, key, payment);
        const count = await paymentCount(t);
        const otherAmount = await pay(t, key, { amountCents: 1600, to: 'erin' });
        t.expectTrue(otherAmount.status === 422, 'The same Idempotency-Key with another amountCents is a client bug (a key reused for a different payment): answer 422, neither replaying the old payment nor making a new one. Compare a fingerprint of the body with the one stored for the key.', { expected: '422', actual: describe(otherAmount) });
        const otherRecipient = await pay(t, key, { amountCents: 1500, to: 'frank' });
        t.expectTrue(otherRecipient.status === 422, 'The same Idempotency-Key with another recipient ("to") must also answer 422: the fingerprint must cover every field the payment is made from.', { expected: '422', actual: describe(otherRecipient) });
        t.expectEqual(await bankCalls(t), 1, 'The refused requests must not call the bank.');
        t.expectEqual(await paymentCount(t), count, 'The refused requests must not add a payment.');
        const retry = await pay(t, key, payment);
        t.expectTrue(retry.status === first.status && retry.text === first.text, 'After the 422s, a retry with the original body must still get the original answer: a refused request must not replace what the key stored.', {
          expected: describe(first),
          actual: describe(retry),
        });
      },
    },
    {
      id: 'in-flight-retry-409',
      title: 'A retry that arrives while the first request is still being processed answers 409, and only one payment is made',
      hint: "Mark the key as taken before you await the bank: keys.set(key, { fingerprint, expiresAt }) with no response yet. A retry that finds an entry without a response answers 409.",
      upstream: SLOW_BANK,
      timeoutMs: 30_000,
      run: async (t) => {
        const key = newKey('race');
        const payment = { amountCents: 9900, to: 'grace' };
        const count = await paymentCount(t);
        const [first, second] = await overlap(t, payRequest(key, payment), payRequest(key, payment));
        t.expectTrue(first.status === 201, 'The first request must still make the payment (201) once the bank answers.', { expected: '201', actual: describe(first) });
        t.expectEqual(await bankCalls(t), 1, 'The retry arrived while the first request was waiting for the bank and called the bank as well: two transfers for one payment. Store the key (without an answer yet) before the first await, so a retry finds it.');
        t.expectEqual(await paymentCount(t), count + 1, 'Two requests with the same key made more than one payment: store the key before awaiting the bank.');
        t.expectTrue(second.status === 409, 'A retry that arrives while the first request with its key is still being processed must get 409 Conflict (the draft standard): there is no answer to replay yet, and the client may retry later.', { expected: '409', actual: describe(second) });
        const later = await pay(t, key, payment);
        t.expectTrue(later.status === first.status && later.text === first.text, 'Once the first request is done, a retry with its key must get its answer (the same status and body).', { expected: describe(first), actual: describe(later) });
      },
    },
    {
      id: 'different-keys-in-parallel',
      title: 'Two payments with different keys at the same time are both made',
      hint: 'Only a request with the same key waits its turn (409); a key is one payment, not a lock on the whole endpoint — and two equal bodies with different keys are two payments.',
      upstream: SLOW_BANK,
      timeoutMs: 30_000,
      run: async (t) => {
        const payment = { amountCents: 500, to: 'heidi' };
        const count = await paymentCount(t);
        const [first, second] = await overlap(t, payRequest(newKey('one'), payment), payRequest(newKey('two'), payment));
        t.expectTrue(first.status === 201 && second.status === 201, 'Two requests with different Idempotency-Keys are two payments, even with the same body and at the same time: both must get 201. Look up the key, not the body, and do not refuse a request because another key is being processed.', {
          expected: '201 and 201',
          actual: `${describe(first)}\n${describe(second)}`,
        });
        t.expectEqual(await paymentCount(t), count + 2, 'Both payments must be listed by GET /payments.');
      },
    },
    {
      id: 'key-kept-for-24h',
      title: 'A retry one minute before the key is 24 hours old still gets the first answer',
      hint: 'Store expiresAt: Date.now() + 24 * 60 * 60 * 1000 (milliseconds) with the key.',
      upstream: FAST_BANK,
      run: async (t) => {
        const key = newKey('day');
        const payment = { amountCents: 3000, to: 'ivan' };
        const sentAt = await t.clock.now();
        const first = await firstPayment(t, key, payment);
        await expectImmediateReplay(t, key, payment, first);
        const count = await paymentCount(t);
        await t.clock.advance(Math.max(0, sentAt + DAY_MS - EDGE_MS - (await t.clock.now())));
        const retry = await pay(t, key, payment);
        t.expectTrue(retry.status === first.status && retry.text === first.text, 'A key is kept for 24 hours after its first request: a retry 23 h 59 min later must still get the first answer. Count the lifetime in milliseconds (24 * 60 * 60 * 1000) from the first request.', {
          expected: describe(first),
          actual: describe(retry),
        });
        t.expectEqual(await paymentCount(t), count, 'The retry within 24 hours must not add a payment.');
      },
    },
    {
      id: 'key-expires-after-24h',
      title: 'A key older than 24 hours (counted from its first request) is new again: the request makes a new payment',
      hint: 'On lookup, treat an entry whose expiresAt has passed as absent, and do not move expiresAt on a retry.',
      upstream: FAST_BANK,
      timeoutMs: 8000,
      run: async (t) => {
        const key = newKey('expired');
        const payment = { amountCents: 3100, to: 'judy' };
        const first = await firstPayment(t, key, payment);
        const answeredAt = await t.clock.now();
        await expectImmediateReplay(t, key, payment, first);
        // A retry half-way through must not extend the key's life: 24 hours count from the first request.
        await t.clock.advance(DAY_MS / 2);
        const midway = await pay(t, key, payment);
        t.expectTrue(midway.status === first.status && midway.text === first.text, 'A retry 12 hours after the first request must get the first answer.', { expected: describe(first), actual: describe(midway) });
        const count = await paymentCount(t);
        await t.clock.advance(Math.max(0, answeredAt + DAY_MS + EDGE_MS - (await t.clock.now())));
        const late = await pay(t, key, payment);
        t.expectTrue(late.status === 201 && late.text !== first.text, 'Keys expire 24 hours after their first request (the documented policy; Stripe prunes keys after 24 hours): a request one minute later with the same key is a new payment — 201 with a new payment, not the old answer. Compare Date.now() with the expiresAt stored at the first request, and do not extend it on retries.', {
          expected: '201 with a new payment',
          actual: describe(late),
        });
        t.expectEqual(await paymentCount(t), count + 1, 'The request with the expired key must make a new payment, listed by GET /payments.');
      },
    },
    {
      id: 'validation-error-not-stored',
      title: 'A request refused by validation (400) is not stored: the same key with a corrected body makes the payment',
      hint: 'Validate the body before you look up or store the key, as Stripe does: a 400 means nothing started, so the key is still free.',
      upstream: FAST_BANK,
      run: async (t) => {
        const key = newKey('fix');
        const count = await paymentCount(t);
        const invalid = await pay(t, key, { amountCents: -700, to: 'ken' });
        t.expectTrue(invalid.status === 400, 'A negative amount must still be refused with 400 (the validation is given: keep it).', { expected: '400', actual: describe(invalid) });
        t.expectEqual(await paymentCount(t), count, 'The refused request must not add a payment.');
        const fixed = await pay(t, key, { amountCents: 700, to: 'ken' });
        t.expectTrue(fixed.status === 201, 'A request refused by validation never started, so its key stays free (Stripe saves results only once the endpoint starts executing): the corrected body with the same key must make the payment (201). Validate before you store the key.', {
          expected: '201 with the payment',
          actual: describe(fixed),
        });
        t.expectEqual(await paymentCount(t), count + 1, 'The corrected request must add one payment.');
      },
    },
    {
      id: 'bank-failure-releases-key',
      title: 'When the bank fails (502), the key is released: a retry with the same key makes the payment',
      hint: 'In the catch around sendToBank: keys.delete(key) before answering 502 — otherwise the key stays "being processed" forever and every retry gets 409.',
      upstream: { [BANK]: [{ status: 503, json: { error: 'maintenance' } }, TRANSFERRED] },
      run: async (t) => {
        const key = newKey('bank');
        const payment = { amountCents: 8800, to: 'liam' };
        const count = await paymentCount(t);
        const failed = await pay(t, key, payment);
        t.expectTrue(failed.status === 502, 'When the bank answers 503, nothing was paid: answer 502 (the given catch does).', { expected: '502', actual: describe(failed) });
        t.expectEqual(await paymentCount(t), count, 'The failed transfer must not add a payment.');
        const retry = await pay(t, key, payment);
        t.expectTrue(retry.status === 201, 'The first attempt failed before any money moved, so a retry with the same key must try again and make the payment (201) — not 409 (the key is no longer being processed) and not the stored 502. Delete the key when the bank fails.', {
          expected: '201 with the payment',
          actual: describe(retry),
        });
        t.expectEqual(await bankCalls(t), 2, 'The retry must call the bank once more (the first call failed).');
        t.expectEqual(await paymentCount(t), count + 1, 'The successful retry must add one payment.');
      },
    },
  ],
});
