// Coupon codes live in the marketing team's coupon service; this module asks it over HTTP.
// (In the playground that service is simulated, so nothing leaves your machine.)
const COUPON_SERVICE = 'https://coupons.shop.test/v1/coupons';

/** The customer typed a code that does not exist: their mistake. */
export class UnknownCouponError extends Error {
  name = 'UnknownCouponError';
}

/** The coupon service is down, slow or answered nonsense: not the customer's mistake. */
export class CouponServiceError extends Error {
  name = 'CouponServiceError';
}

/** The coupon `{ percentOff }` for `code`; rejects with UnknownCouponError or CouponServiceError. */
export async function findCoupon(code) {
  let response;
  try {
    response = await fetch(`${COUPON_SERVICE}/${encodeURIComponent(String(code).toUpperCase())}`, { signal: AbortSignal.timeout(2000) });
  } catch (error) {
    throw new CouponServiceError(`the coupon service did not answer (${error.name})`);
  }
  if (response.status === 404) throw new UnknownCouponError(`Unknown coupon: ${code}`);
  if (!response.ok) throw new CouponServiceError(`the coupon service answered ${response.status}`);
  const coupon = await response.json().catch(() => undefined);
  if (!Number.isInteger(coupon?.percentOff)) throw new CouponServiceError('the coupon service answered something that is not a coupon');
  return coupon;
}
