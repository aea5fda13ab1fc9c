/** Pretends to ask a fraud-detection service about a transfer (it takes a moment, and says yes). */
export async function approveTransfer(from, to, amountCents) {
  await new Promise((resolve) => setTimeout(resolve, 25));
  return true;
}
