// Turns an order into the receipt the shop's front-end prints.

const money = (amount) => `$${amount.toFixed(2)}`;

/** The receipt for `order`: who bought what, and the total. */
export function formatReceipt(order) {
  const lines = order.lines.map((line) => `${line.quantity} × ${line.product} ${money(line.quantity * line.unitPrice)}`);
  const total = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  return {
    orderId: order.id,
    customer: order.customer.name,
    lines,
    total: money(total),
  };
}
