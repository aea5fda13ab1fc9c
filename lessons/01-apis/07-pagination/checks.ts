import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';

interface Page { items?: { id?: unknown }[]; total?: unknown; limit?: unknown; offset?: unknown }

/** The product ids the database itself gives for `where … order by …` — the source of truth. */
async function expectedIds(t: CheckContext, sql: string, params: unknown[] = []): Promise<number[]> {
  const db = await t.openDatabase('data.sqlite');
  try {
    return (db.exec(sql, params)[0]?.rows ?? []).map((row) => row[0] as number);
  } finally {
    db.close();
  }
}

function page(t: CheckContext, res: HttpResponse, url: string): Page {
  const json = res.json as Page | undefined;
  t.expectTrue(res.status === 200, `GET ${url} answered ${res.status}; it must answer 200 with a page.`, { expected: 200, actual: `${res.status} ${res.text.slice(0, 300)}` });
  t.expectTrue(json !== undefined && !Array.isArray(json) && Array.isArray(json.items), `GET ${url} must answer an object { items, total, limit, offset }, not a bare array: clients need the total to draw page links.`, { expected: '{ "items": [...], "total": …, "limit": …, "offset": … }', actual: res.text.slice(0, 300) });
  return json as Page;
}

const ids = (p: Page) => (p.items ?? []).map((item) => item.id);

async function get(t: CheckContext, url: string): Promise<Page> {
  return page(t, await t.request({ path: url }), url);
}

export default defineChecks({
  checks: [
    {
      id: 'default-page',
      title: 'GET /products answers the first 10 products with total, limit and offset',
      run: async (t) => {
        const p = await get(t, '/products');
        t.expectEqual({ total: p.total, limit: p.limit, offset: p.offset }, { total: 57, limit: 10, offset: 0 }, 'GET /products must answer total 57 (all products), limit 10 and offset 0 (the defaults) next to items.');
        t.expectEqual(ids(p), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'Without parameters, items must be products 1 to 10: default limit 10, offset 0, sorted by id. Add LIMIT ? OFFSET ? to the query.');
      },
    },
    {
      id: 'limit-offset',
      title: '?limit=5&offset=10 answers products 11 to 15',
      hint: 'LIMIT takes the page size, OFFSET the number of rows to skip: LIMIT ? OFFSET ? with [limit, offset].',
      run: async (t) => {
        const p = await get(t, '/products?limit=5&offset=10');
        t.expectEqual(ids(p), [11, 12, 13, 14, 15], '?limit=5&offset=10 must skip 10 products and answer the next 5. Remember Number(req.query.limit): query values are strings.');
        t.expectEqual({ total: p.total, limit: p.limit, offset: p.offset }, { total: 57, limit: 5, offset: 10 }, 'Echo the limit and offset you used, as numbers; total stays 57 whatever the page.');
      },
    },
    {
      id: 'limits-accepted',
      title: 'Values at the limits are accepted: limit=1 and limit=50, offset=0, an offset past the end',
      hint: 'The limits themselves are valid: limit >= 1 && limit <= 50, offset >= 0. An offset past the last product is not an error — the page is just empty.',
      run: async (t) => {
        const cases: [string, number[], number, number][] = [
          ['limit=50', Array.from({ length: 50 }, (_, i) => i + 1), 50, 0],
          ['limit=1&offset=0', [1], 1, 0],
          ['limit=10&offset=56', [57], 10, 56],
          ['offset=57', [], 10, 57],
          ['offset=1000', [], 10, 1000],
        ];
        for (const [query, want, limit, offset] of cases) {
          const p = await get(t, `/products?${query}`);
          t.expectEqual(ids(p), want, `?${query} must answer ${want.length === 0 ? 'an empty page (items: []) — past the end is not an error' : `products ${want[0]}${want.length > 1 ? ` to ${want[want.length - 1]}` : ''}`}: limit 1–50 and any offset ≥ 0 are allowed.`);
          t.expectEqual({ total: p.total, limit: p.limit, offset: p.offset }, { total: 57, limit, offset }, `?${query} must echo limit ${limit} and offset ${offset}, with total 57.`);
        }
      },
    },
    {
      id: 'bad-params-400',
      title: 'A bad limit (0, 51, abc, 2.5, 3abc), offset (-1, 2.5, abc), maxPrice or sort answers 400',
      hint: 'Number.isInteger(Number(value)) && in range; otherwise return res.status(400).json({ error: … }) naming the parameter.',
      run: async (t) => {
        for (const query of ['limit=0', 'limit=51', 'limit=abc', 'limit=2.5', 'limit=3abc', 'limit=', 'offset=-1', 'offset=2.5', 'offset=abc', 'maxPrice=cheap', 'maxPrice=2.5', 'maxPrice=-1', 'sort=price_cents;DROP TABLE products', 'sort=color', 'sort=price_cents']) {
          const res = await t.request({ path: `/products?${query}` });
          t.expectTrue(res.status === 400, `GET /products?${query} answered ${res.status}. Reject it with 400 and { error: '…' } saying which parameter is wrong and what is allowed — limit a whole number 1–50, offset a whole number ≥ 0, maxPrice a whole number of cents ≥ 0, sort one of id, price, -price, name, -name. Convert with Number() (parseInt("3abc") is 3) and check Number.isInteger.`, { expected: 400, actual: `${res.status} ${res.text.slice(0, 200)}` });
          t.expectTrue(typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `The 400 for ?${query} must be JSON { "error": "…" }.`, { actual: res.text.slice(0, 200) });
        }
      },
    },
    {
      id: 'filters',
      title: '?category= and ?maxPrice= filter items and total',
      hint: 'Collect conditions and params in two arrays; use the same WHERE for the COUNT(*) and for the page.',
      run: async (t) => {
        // 1500 is the exact price of a garden product: "at most" must keep it.
        const want = await expectedIds(t, "SELECT id FROM products WHERE category = 'garden' AND price_cents <= 1500 ORDER BY id");
        const p = await get(t, '/products?category=garden&maxPrice=1500&limit=50');
        t.expectEqual(ids(p), want, '?category=garden&maxPrice=1500 must keep only garden products costing at most 1500 cents (price_cents <= 1500, a product costing exactly 1500 included), sorted by id.');
        t.expectEqual(p.total, want.length, `total must count the products matching the filters (${want.length}), not all 57: use the same WHERE in SELECT COUNT(*).`);
        const small = await get(t, '/products?category=garden&maxPrice=1500&limit=2');
        t.expectEqual(small.total, want.length, 'total must not depend on the page size: count with the filters but without LIMIT.');
      },
    },
    {
      id: 'sorting',
      title: '?sort=price, -price, name and -name sort, with ties broken by id',
      hint: 'Map sort to a fixed ORDER BY snippet — { price: \'price_cents, id\', \'-price\': \'price_cents DESC, id\', … } — never paste req.query.sort into SQL.',
      run: async (t) => {
        const cases: [string, string][] = [
          ['price', 'price_cents, id'],
          ['-price', 'price_cents DESC, id'],
          ['name', 'name, id'],
          ['-name', 'name DESC, id'],
        ];
        for (const [sort, orderBy] of cases) {
          const want = await expectedIds(t, `SELECT id FROM products ORDER BY ${orderBy} LIMIT 50`);
          const p = await get(t, `/products?sort=${sort}&limit=50`);
          t.expectEqual(ids(p), want, `?sort=${sort} must order by ${orderBy.replace('price_cents', 'price').replace(', id', '')}, and products with equal values by id (ORDER BY ${orderBy}).`);
        }
      },
    },
    {
      id: 'pages-cover-everything',
      title: 'Walking the pages of ?sort=price&limit=7 lists every product exactly once',
      hint: 'Without a unique last sort key, equal prices can come out in a different order on each page.',
      run: async (t) => {
        const want = await expectedIds(t, 'SELECT id FROM products ORDER BY price_cents, id');
        const seen: unknown[] = [];
        for (let offset = 0; offset < 63; offset += 7) {
          seen.push(...ids(await get(t, `/products?sort=price&limit=7&offset=${offset}`)));
        }
        t.expectEqual(seen, want, 'Reading ?sort=price&limit=7 page by page (offset 0, 7, 14, …) must give every product once, in price order with ties by id.');
      },
    },
  ],
});
