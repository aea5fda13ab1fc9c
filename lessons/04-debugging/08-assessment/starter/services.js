// Stand-ins for the shop's outside services. Each really is a network call in production,
// so each is async and takes a moment.
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Charges the customer's card; resolves with a payment id. */
export async function chargeCard(amountCents) {
  await pause(500);
  return { paymentId: `pay_${Date.now().toString(36)}`, amountCents };
}

/** Sends review text through the moderation service; resolves with the (possibly edited) text. */
export async function moderate(text) {
  await pause(50);
  return text.trim();
}
