// Coupon codes. In production this asks the marketing service over the network, which is why
// it is async; here a short delay stands in for that call.
const COUPONS = {
  WELCOME10: { percentOff: 10 },
  SPRING25: { percentOff: 25 },
};

/** The coupon for `code`; rejects when there is no such coupon. */
export async function findCoupon(code) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const coupon = COUPONS[String(code).toUpperCase()];
  if (!coupon) throw new Error(`Unknown coupon: ${code}`);
  return coupon;
}
