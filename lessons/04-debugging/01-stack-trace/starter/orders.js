// The shop's orders. Guest checkouts have no customer account: customer is null.
export const orders = [
  {
    id: 1001,
    customer: { id: 7, name: 'Ada Lovelace', email: 'ada@example.com' },
    lines: [
      { product: 'Notebook', quantity: 2, unitPriceCents: 350 },
      { product: 'Fountain pen', quantity: 1, unitPriceCents: 3550 },
    ],
  },
  {
    id: 1002,
    customer: { id: 9, name: 'Grace Hopper', email: 'grace@example.com' },
    lines: [{ product: 'Desk lamp', quantity: 1, unitPriceCents: 2400 }],
  },
  {
    id: 1003,
    customer: null,
    lines: [
      { product: 'Sticky notes', quantity: 3, unitPriceCents: 125 },
      { product: 'Notebook', quantity: 1, unitPriceCents: 350 },
    ],
  },
];
