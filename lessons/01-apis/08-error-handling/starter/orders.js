// In memory. Order 3 came from an old system and has no items list: a bug waiting to happen.
export const orders = [
  { id: 1, customer: 'Ada', items: [{ sku: 'KETTLE', price: 3900, qty: 1 }, { sku: 'MUG', price: 850, qty: 2 }] },
  { id: 2, customer: 'Grace', items: [{ sku: 'TEAPOT', price: 2400, qty: 1 }] },
  { id: 3, customer: 'Linus', items: null },
];

/** Pretends to query the reporting database, which is down today. */
export async function loadDailyReport() {
  await new Promise((resolve) => setTimeout(resolve, 10));
  throw new Error('connect ECONNREFUSED 10.0.0.12:5432 (reports-db, user=report_admin)');
}
