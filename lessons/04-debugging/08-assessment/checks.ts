import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, queryRows, send, uniqueName } from '../../_support/checks.ts';

const LIMIT = 4;

async function allBookIds(t: CheckContext): Promise<number[]> {
  const rows = await queryRows(t, 'data.sqlite', 'SELECT id FROM books ORDER BY id');
  return rows.map((row) => Number(row[0]));
}

async function pageIds(t: CheckContext, page: number): Promise<unknown[]> {
  const res = await send(t, { path: `/books?page=${page}&limit=${LIMIT}` });
  const items = body(res).items;
  if (res.status !== 200 || !Array.isArray(items)) return t.fail(`GET /books?page=${page}&limit=${LIMIT} must answer 200 with {"items": [...]}.`, { actual: describe(res) });
  return items.map((item) => (item as { id?: unknown }).id);
}

/** A new book with `stock` copies, so a check does not depend on earlier orders. */
async function newBook(t: CheckContext, stock: number): Promise<number> {
  const res = await send(t, { method: 'POST', path: '/books', json: { title: uniqueName('Book'), author: 'Check', stock } });
  const id = body(res).id;
  if (res.status !== 201 || typeof id !== 'number') return t.fail('POST /books must answer 201 with the new book\'s id.', { actual: describe(res) });
  return id;
}

export default defineChecks({
  checks: [
    {
      id: 'catalogue-pages',
      title: 'Ticket 1: every page is full and every book appears once',
      run: async (t) => {
        const every = await allBookIds(t);
        const first = await pageIds(t, 1);
        t.expectEqual(first, every.slice(0, LIMIT), `GET /books?page=1&limit=${LIMIT} must list the first ${LIMIT} books.`);
        const seen: unknown[] = [];
        for (let page = 1; page <= Math.ceil(every.length / LIMIT); page++) seen.push(...(await pageIds(t, page)));
        t.expectEqual(seen, every, `Reading every page with limit=${LIMIT} must list each book exactly once, in id order.`);
      },
    },
    {
      id: 'unknown-book-404',
      title: 'Ticket 2: an unknown book id answers 404',
      steps: [
        {
          name: 'GET /books/99999',
          request: { path: '/books/99999' },
          expect: { status: 404, json: [{ path: 'error', type: 'string' }] },
          message: 'GET /books/99999 must answer 404 with {"error": …}, not a 500.',
        },
        {
          name: 'GET /books/1',
          request: { path: '/books/1' },
          expect: { status: 200, json: [{ path: 'id', equals: 1 }, { path: 'reviews', type: 'array' }] },
          message: 'GET /books/1 must still answer the book with its reviews.',
        },
      ],
    },
    {
      id: 'review-returned',
      title: 'Ticket 3: posting a review answers the saved review',
      steps: [
        {
          name: 'POST /books/2/reviews',
          request: { method: 'POST', path: '/books/2/reviews', json: { rating: 5, text: '  Still the best cyberpunk novel.  ' } },
          expect: {
            status: 201,
            json: [
              { path: 'id', type: 'number' },
              { path: 'rating', equals: 5 },
              { path: 'text', equals: 'Still the best cyberpunk novel.' },
            ],
          },
          message: 'POST /books/2/reviews must answer 201 with the saved review ({id, rating, text}), not {}.',
        },
        {
          name: 'POST /books/2/reviews with rating 9',
          request: { method: 'POST', path: '/books/2/reviews', json: { rating: 9, text: 'Too good' } },
          expect: { status: 400 },
          message: 'A rating outside 1–5 must still answer 400.',
        },
      ],
    },
    {
      id: 'last-copy-once',
      title: 'Ticket 4: the last copy cannot be sold twice',
      timeoutMs: 15000,
      run: async (t) => {
        const bookId = await newBook(t, 1);
        const order = { method: 'POST' as const, path: '/orders', json: { bookId, quantity: 1 } };
        const statuses = (await t.requestAll([order, order])).map((res) => res.status).sort();
        const sold = Number((await queryRows(t, 'data.sqlite', 'SELECT COUNT(*) FROM orders WHERE book_id = ?', [bookId]))[0]?.[0]);
        const stock = Number((await queryRows(t, 'data.sqlite', 'SELECT stock FROM books WHERE id = ?', [bookId]))[0]?.[0]);
        t.expectTrue(statuses[0] === 201 && statuses[1] === 409 && sold === 1 && stock === 0, 'Two simultaneous orders for a book with one copy left: exactly one must succeed (201), the other get 409, leaving stock 0 and one order.', {
          expected: 'statuses [201, 409], 1 order, stock 0',
          actual: `statuses [${statuses.join(', ')}], ${sold} orders, stock ${stock}`,
        });
      },
    },
    {
      id: 'cart-last-copy-once',
      title: 'Ticket 4: a cart cannot sell the last copy twice',
      timeoutMs: 15000,
      run: async (t) => {
        const bookId = await newBook(t, 1);
        const res = await send(t, { method: 'POST', path: '/cart/checkout', json: { items: [{ bookId, quantity: 1 }, { bookId, quantity: 1 }] } });
        const lines = body(res).lines;
        const ordered = Array.isArray(lines) ? lines.filter((line) => (line as { ordered?: unknown }).ordered === true).length : undefined;
        const sold = Number((await queryRows(t, 'data.sqlite', 'SELECT COUNT(*) FROM orders WHERE book_id = ?', [bookId]))[0]?.[0]);
        t.expectTrue(res.status === 200 && ordered === 1 && sold === 1, 'A checkout with the same one-copy book on two lines must order it once and refuse the other line.', {
          expected: 'one line with "ordered": true, 1 order recorded',
          actual: `${describe(res)}\n${sold} orders recorded`,
        });
      },
    },
    {
      id: 'orders-still-work',
      title: 'Orders one at a time still work',
      timeoutMs: 15000,
      run: async (t) => {
        const bookId = await newBook(t, 2);
        const first = await send(t, { method: 'POST', path: '/orders', json: { bookId, quantity: 2 } });
        t.expectTrue(first.status === 201, 'Ordering 2 of 2 copies must answer 201.', { actual: describe(first) });
        const second = await send(t, { method: 'POST', path: '/orders', json: { bookId, quantity: 1 } });
        t.expectTrue(second.status === 409, 'Ordering from a sold-out book must answer 409.', { actual: describe(second) });
      },
    },
  ],
});
