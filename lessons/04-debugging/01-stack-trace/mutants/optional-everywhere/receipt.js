// Turns an order into the receipt the shop's front-end prints.

// Prices are integer cents; receipts show them as 7.25.
const money = (cents) => (cents / 100).toFixed(2);

/** The receipt for `order`: who bought what, and the total. */
export function formatReceipt(order) {
  const lines = (order?.lines ?? []).map((line) => `${line.quantity} × ${line.product} ${money(line.quantity * line.unitPriceCents)}`);
  const total = (order?.lines ?? []).reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  return {
    orderId: order?.id,
    customer: order?.customer?.name ?? 'Guest',
    lines,
    total: money(total),
  };
}
