// The shop's outside services. Each is a network call (simulated in the playground, so nothing
// leaves your machine), so each is async, takes a moment, and can fail.
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Charges the customer's card at the payment provider; resolves with a payment id. */
export async function chargeCard(amountCents) {
  const response = await fetch('https://payments.shop.test/v1/charges', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amountCents }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`the payment provider answered ${response.status}`);
  const { id } = await response.json();
  return { paymentId: id, amountCents };
}

/** Asks the mail service to send the order confirmation e-mail. */
export async function sendConfirmation(orderId) {
  const response = await fetch('https://mail.shop.test/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'order-confirmation', orderId }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`the mail service answered ${response.status}`);
}

/** Sends review text through the moderation service; resolves with the (possibly edited) text. */
export async function moderate(text) {
  await pause(50);
  return text.trim();
}
