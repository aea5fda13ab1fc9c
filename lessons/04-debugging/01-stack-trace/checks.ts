import { defineChecks } from '../../../src/checks/define.ts';

export default defineChecks({
  checks: [
    {
      id: 'guest-receipt',
      title: 'A guest order gets a receipt',
      hint: 'The stack trace\'s first line under the error names receipt.js and a line number: what is null there for order 1003?',
      steps: [
        {
          name: 'GET /orders/1003/receipt',
          request: { path: '/orders/1003/receipt' },
          expect: {
            status: 200,
            json: [
              { path: 'customer', equals: 'Guest' },
              { path: 'total', equals: '7.25' },
              { path: 'lines', length: 2 },
            ],
          },
          message: 'GET /orders/1003/receipt (a guest checkout: customer is null) must answer 200 with "customer": "Guest". Read the TypeError\'s stack trace in the output panel and fix the line it points to.',
        },
      ],
    },
    {
      id: 'customer-receipt',
      title: "A customer's receipt still shows their name",
      hint: 'Handle the missing customer only where it is missing: order.customer?.name ?? "Guest".',
      steps: [
        {
          name: 'GET /orders/1001/receipt',
          request: { path: '/orders/1001/receipt' },
          expect: { status: 200, json: [{ path: 'customer', equals: 'Ada Lovelace' }, { path: 'total', equals: '42.50' }] },
          message: 'Order 1001 belongs to Ada Lovelace: its receipt must still say "customer": "Ada Lovelace" and total "42.50".',
        },
      ],
    },
    {
      id: 'unknown-order',
      title: 'An unknown order is still a 404',
      steps: [
        {
          name: 'GET /orders/9999/receipt',
          request: { path: '/orders/9999/receipt' },
          expect: { status: 404 },
          message: 'GET /orders/9999/receipt must keep answering 404: there is no such order.',
        },
      ],
    },
  ],
});
