import { defineChecks, type CheckContext, type HttpResponse, type UpstreamScript } from '../../../src/checks/define.ts';
import { describe } from '../../_support/checks.ts';

/** The coupon service as the playground plays it: two codes exist, every other code is a 404. */
const COUPONS = 'https://coupons.shop.test/v1/coupons';
const COUPON_SERVICE: UpstreamScript = {
  [`GET ${COUPONS}/*`]: { status: 404, json: { error: 'no such coupon' } },
  [`GET ${COUPONS}/WELCOME10`]: { json: { code: 'WELCOME10', percentOff: 10 } },
  [`GET ${COUPONS}/SPRING25`]: { json: { code: 'SPRING25', percentOff: 25 } },
};

const order = (coupon: string) => ({ method: 'POST' as const, path: '/orders', json: { items: [{ product: 'pen', quantity: 1 }], coupon } });

/** Sends an order with `coupon`; undefined when the server died instead of answering. */
async function orderWith(t: CheckContext, coupon: string): Promise<HttpResponse | undefined> {
  try {
    return await t.request(order(coupon));
  } catch {
    return undefined;
  }
}

const errorIsText = (res: HttpResponse) => typeof (res.json as { error?: unknown } | undefined)?.error === 'string';

export default defineChecks({
  upstream: COUPON_SERVICE,
  checks: [
    {
      id: 'good-coupon',
      title: 'A valid coupon still gives its discount',
      steps: [
        {
          name: 'POST /orders with coupon WELCOME10',
          request: { method: 'POST', path: '/orders', json: { items: [{ product: 'lamp', quantity: 1 }], coupon: 'WELCOME10' } },
          expect: { status: 201, json: [{ path: 'totalCents', equals: 2160 }] },
          message: 'An order for one lamp (2400 cents) with WELCOME10 must answer 201 with totalCents 2160.',
        },
        {
          name: 'POST /orders without a coupon',
          request: { method: 'POST', path: '/orders', json: { items: [{ product: 'notebook', quantity: 2 }] } },
          expect: { status: 201, json: [{ path: 'totalCents', equals: 700 }] },
          message: 'An order without a coupon must still answer 201 with the full price.',
        },
      ],
    },
    {
      id: 'bad-coupon-400',
      title: 'An unknown coupon gets 400 with an error message',
      hint: 'try { coupon = await findCoupon(code) } catch { return res.status(400).json({ error: … }) }',
      timeoutMs: 10000,
      run: async (t) => {
        const res = await orderWith(t, 'NOPE');
        if (!res) return t.fail('POST /orders with coupon "NOPE" got no answer: the server crashed. Handle the rejected findCoupon promise (await it in try/catch).');
        t.expectTrue(res.status === 400 && errorIsText(res), 'An unknown coupon is the client\'s mistake: answer 400 with {"error": "…"} (not 500, and not silence).', {
          expected: '400 {"error": "unknown coupon: NOPE"}',
          actual: describe(res),
        });
      },
    },
    {
      id: 'survives-bad-coupon',
      title: 'The server keeps running after an unknown coupon',
      hint: 'Read the last lines of the output panel: the error came from a promise nobody handled. Which promise in POST /orders has no catch?',
      // The check before this one may have crashed the server: start from a live one.
      freshServer: true,
      timeoutMs: 15000,
      run: async (t) => {
        await orderWith(t, 'NOPE');
        // A crash happens a moment after the rejection; give it that moment before asking.
        await new Promise((resolve) => setTimeout(resolve, 300));
        let health: HttpResponse | undefined;
        try {
          health = await t.request({ path: '/health' });
        } catch {
          health = undefined;
        }
        t.expectTrue(health?.status === 200, 'After POST /orders with coupon "NOPE" the server stopped answering: the rejected findCoupon promise is unhandled, and Node exits on an unhandled rejection. Await findCoupon inside an async handler (or add a .catch) so the rejection is handled.', {
          expected: 'GET /health → 200',
          actual: health ? describe(health) : 'no answer (the server crashed; see the output panel)',
        });
      },
    },
    {
      id: 'outage-502',
      title: 'An outage of the coupon service answers 502, not "unknown coupon"',
      hint: 'findCoupon rejects with two kinds of error: UnknownCouponError (the customer\'s mistake: 400) and CouponServiceError (the service failed: 502). Tell them apart with instanceof.',
      timeoutMs: 15000,
      // The coupon service answers 503 once, then drops the connection.
      upstream: { [`GET ${COUPONS}/*`]: [{ status: 503, json: { error: 'maintenance' } }, { networkError: true }] },
      freshServer: true,
      run: async (t) => {
        for (const cause of ['answers 503', 'is unreachable']) {
          const res = await orderWith(t, 'WELCOME10');
          if (!res) return t.fail(`When the coupon service ${cause}, POST /orders got no answer: the server crashed. Handle the rejected findCoupon promise.`);
          t.expectTrue(res.status === 502 && errorIsText(res), `When the coupon service ${cause}, WELCOME10 is still a real coupon: answer 502 Bad Gateway with {"error": "…"} (a service you depend on failed), not 400 "unknown coupon" (which tells the customer their code is wrong) and not 500.`, {
            expected: '502 {"error": "…"}',
            actual: describe(res),
          });
        }
      },
    },
  ],
});
