/** Pretends to write an audit record to another service (it takes a moment). */
export async function recordAudit(productId, change) {
  await new Promise((resolve) => setTimeout(resolve, 150));
}
