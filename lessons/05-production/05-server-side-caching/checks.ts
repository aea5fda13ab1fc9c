/**
 * Server-side caching (cache-aside). The catalog service is an upstream fake, so every check can
 * count how often the learner's server called it (`upstreamCalls`) and script what it answers
 * call after call (a sequence: version 1, then version 2). The TTL is graded with the server's
 * clock on both sides of 60 s. Every check reads its own product ids, so the checks share one
 * server without one check's cache entries deciding another's result.
 */
import { defineChecks, type CheckContext, type UpstreamResponse, type UpstreamScript } from '../../../src/checks/define.ts';
import { describe, send } from '../../_support/checks.ts';

const CATALOG = 'https://catalog.test';

interface Product {
  id: number;
  name: string;
  priceCents: number;
}

function catalogUrl(id: number): string {
  return `${CATALOG}/products/${id}`;
}

function answer(product: Product): UpstreamResponse {
  return { json: product };
}

/** How many times the server asked the catalog for product `id` since the check started. */
async function catalogReads(t: CheckContext, id: number): Promise<number> {
  return (await t.upstreamCalls()).filter((call) => call.method === 'GET' && call.url === catalogUrl(id)).length;
}

async function expectReads(t: CheckContext, id: number, count: number, message: string): Promise<void> {
  const reads = await catalogReads(t, id);
  t.expectTrue(reads === count, message, { expected: `${count} GET ${catalogUrl(id)}`, actual: `${reads} GET ${catalogUrl(id)}` });
}

/** GET /products/:id must answer 200 with exactly `product`; `message` says what to do otherwise. */
async function expectProduct(t: CheckContext, product: Product, message: string): Promise<void> {
  const res = await send(t, { path: `/products/${product.id}` });
  t.expectTrue(res.status === 200 && JSON.stringify(res.json) === JSON.stringify(product), message, { expected: `200 ${JSON.stringify(product)}`, actual: describe(res) });
}

/** The message for a product's first read in a check: the catalog's answer, not one cached for another id. */
function firstRead(product: Product): string {
  return `GET /products/${product.id} must answer 200 with product ${product.id} as the catalog returned it — not a product cached under another id: key the cache by the id in the URL.`;
}

async function expectBadGateway(t: CheckContext, id: number, message: string): Promise<void> {
  const res = await send(t, { path: `/products/${id}` });
  t.expectTrue(res.status === 502, message, { expected: '502 {"error":"…"}', actual: describe(res) });
}

const lamp: Product = { id: 1, name: 'Desk lamp', priceCents: 3499 };
const chair: Product = { id: 2, name: 'Office chair', priceCents: 18900 };
const notebook: Product = { id: 3, name: 'Notebook', priceCents: 450 };
const mug: Product = { id: 4, name: 'Mug', priceCents: 1200 };
const kettle: Product = { id: 5, name: 'Kettle', priceCents: 2999 };
const kettleRepriced: Product = { ...kettle, priceCents: 2499 };
const pen: Product = { id: 6, name: 'Fountain pen', priceCents: 4500 };
const stapler: Product = { id: 7, name: 'Stapler', priceCents: 1550 };
const shelf: Product = { id: 8, name: 'Shelf', priceCents: 7900 };
const shelfRenamed: Product = { ...shelf, name: 'Oak shelf' };
const rug: Product = { id: 9, name: 'Rug', priceCents: 12900 };
const vase: Product = { id: 10, name: 'Vase', priceCents: 3900 };
const rugRepriced: Product = { ...rug, priceCents: 9900 };

/** What the Try-it requests meet: three products, a slow catalog (so a cache hit shows), 404 for the rest, and a write that answers the saved product. */
const tryItCatalog: UpstreamScript = {
  [`GET ${catalogUrl(1)}`]: { json: lamp, delayMs: 800 },
  [`GET ${catalogUrl(2)}`]: { json: chair, delayMs: 800 },
  [`GET ${catalogUrl(3)}`]: { json: notebook, delayMs: 800 },
  [`GET ${CATALOG}/products/*`]: { status: 404, json: { error: 'no such product' }, delayMs: 800 },
  [`PUT ${catalogUrl(1)}`]: { json: { ...lamp, priceCents: 2999 }, delayMs: 800 },
};

export default defineChecks({
  upstream: tryItCatalog,
  checks: [
    {
      id: 'second-read-cached',
      title: 'A second read of the same product within 60 s is served without calling the catalog',
      hint: 'Before fetching: `const entry = cache.get(id); if (entry && Date.now() < entry.expiresAt) return res.json(entry.product);` — and after a successful fetch, `cache.set(id, { product, expiresAt: Date.now() + 60_000 })`.',
      upstream: { [`GET ${catalogUrl(lamp.id)}`]: answer(lamp) },
      run: async (t) => {
        await expectProduct(t, lamp, 'GET /products/1 must answer 200 with the product the catalog returned (the starter already does: keep that).');
        await expectProduct(t, lamp, 'The second GET /products/1 must answer 200 with the same product.');
        await expectReads(t, lamp.id, 1, 'The second read called the catalog again. Keep each product you fetched in a Map (id → { product, expiresAt }) and answer from it while it is fresh.');
      },
    },
    {
      id: 'keyed-per-id',
      title: 'Each product has its own cache entry: product 3 is never served from product 2\'s',
      hint: 'Key the Map by the id from the URL: `cache.get(req.params.id)`, `cache.set(req.params.id, …)`.',
      upstream: { [`GET ${catalogUrl(chair.id)}`]: answer(chair), [`GET ${catalogUrl(notebook.id)}`]: answer(notebook) },
      run: async (t) => {
        await expectProduct(t, chair, firstRead(chair));
        await expectProduct(t, notebook, 'GET /products/3 must answer product 3, not a product cached for another id: key the cache by the id in the URL.');
        await expectProduct(t, chair, 'Reading product 2 again must still answer product 2: each id needs its own entry.');
        await expectReads(t, chair.id, 1, 'Product 2 was read twice within 60 s: the second read must come from its cache entry, which reading product 3 must not replace.');
        await expectReads(t, notebook.id, 1, 'Product 3 must be fetched once, the first time it is read.');
      },
    },
    {
      id: 'cached-within-ttl',
      title: '58 s after the catalog was read, the product is still served from the cache',
      hint: 'The TTL is 60 s = 60_000 ms: Date.now() counts milliseconds.',
      upstream: { [`GET ${catalogUrl(mug.id)}`]: answer(mug) },
      run: async (t) => {
        await expectProduct(t, mug, firstRead(mug));
        await t.clock.advance(58_000);
        await expectProduct(t, mug, 'GET /products/4 must still answer product 4.');
        await expectReads(t, mug.id, 1, 'At 58 s the entry is still fresh (the TTL is 60 s), yet your server called the catalog again: keep entries for 60_000 ms — Date.now() counts milliseconds.');
      },
    },
    {
      id: 'expires-after-ttl',
      title: '60 s after the catalog was read, the entry has expired: the next read fetches the product again and serves the new version',
      hint: 'Store when the entry expires (`Date.now() + 60_000`) and, on a read, use the entry only while `Date.now() < entry.expiresAt`.',
      upstream: { [`GET ${catalogUrl(kettle.id)}`]: [answer(kettle), answer(kettleRepriced)] },
      run: async (t) => {
        await expectProduct(t, kettle, firstRead(kettle));
        await t.clock.advance(60_000);
        await expectProduct(t, kettleRepriced, 'Sixty seconds after the first read, the cached copy has expired: fetch the product from the catalog again and serve its new price. Store an expiry time with each entry and compare it with Date.now().');
        await expectReads(t, kettle.id, 2, 'After 60 s the catalog must be called a second time.');
      },
    },
    {
      id: 'failure-not-cached',
      title: 'A failed catalog call (503, no connection) answers 502, a 404 answers 404, and neither is cached: the next read asks the catalog again',
      hint: 'Call cache.set only after `upstream.ok`, with the parsed product; every other outcome returns before it.',
      upstream: {
        [`GET ${catalogUrl(pen.id)}`]: [{ status: 503, json: { error: 'catalog overloaded' } }, answer(pen)],
        [`GET ${catalogUrl(stapler.id)}`]: [{ networkError: true }, answer(stapler)],
        [`GET ${catalogUrl(vase.id)}`]: [{ status: 404, json: { error: 'no such product' } }, answer(vase)],
      },
      run: async (t) => {
        await expectBadGateway(t, pen.id, 'When the catalog answers 503, answer 502 Bad Gateway: the failure is the catalog\'s, not the client\'s (the starter already does: keep that).');
        await expectProduct(t, pen, 'The catalog failed once and then recovered: the next GET /products/6 must call it again and answer the product. Never store a failed answer in the cache.');
        await expectReads(t, pen.id, 2, 'After the failed read, the next one must call the catalog again.');
        await expectBadGateway(t, stapler.id, 'When the catalog cannot be reached (fetch rejects), answer 502.');
        await expectProduct(t, stapler, 'After a connection failure, the next GET /products/7 must call the catalog again and answer the product.');
        const missing = await send(t, { path: `/products/${vase.id}` });
        t.expectTrue(missing.status === 404, 'When the catalog answers 404, answer 404 (the starter already does: keep that).', { expected: '404 {"error":"…"}', actual: describe(missing) });
        await expectProduct(t, vase, 'Product 10 did not exist a moment ago and now does: the next GET /products/10 must ask the catalog again. Store only 200 answers, not a 404.');
      },
    },
    {
      id: 'write-invalidates',
      title: 'After PUT /products/:id, the next GET serves the new version, not the cached one',
      hint: 'In PUT /products/:id, once the catalog has answered: `cache.delete(id)` with the same key the GET uses.',
      upstream: {
        [`GET ${catalogUrl(shelf.id)}`]: [answer(shelf), answer(shelfRenamed)],
        [`PUT ${catalogUrl(shelf.id)}`]: answer(shelfRenamed),
      },
      run: async (t) => {
        await expectProduct(t, shelf, firstRead(shelf));
        const put = await send(t, { method: 'PUT', path: `/products/${shelf.id}`, json: { name: shelfRenamed.name, priceCents: shelfRenamed.priceCents } });
        t.expectTrue(put.status === 200, 'PUT /products/8 must forward the change to the catalog and answer its 200 (the starter already does: keep that).', { expected: `200 ${JSON.stringify(shelfRenamed)}`, actual: describe(put) });
        await expectProduct(t, shelfRenamed, 'After PUT /products/8 the cached copy is out of date, yet GET /products/8 still served it. Delete the entry when the write is done (cache.delete with the same key as the GET: the id string from the URL), so the next read fetches the new version.');
      },
    },
    {
      id: 'failed-write-invalidates',
      title: 'A write the catalog answered with 504 still drops the cached copy: it may have been applied',
      hint: 'Delete the entry whatever the catalog answered — in a `finally`, for example — not only after a 2xx.',
      upstream: {
        [`GET ${catalogUrl(rug.id)}`]: [answer(rug), answer(rugRepriced)],
        [`PUT ${catalogUrl(rug.id)}`]: { status: 504, json: { error: 'timed out waiting for the database' } },
      },
      run: async (t) => {
        await expectProduct(t, rug, firstRead(rug));
        const put = await send(t, { method: 'PUT', path: `/products/${rug.id}`, json: { name: rug.name, priceCents: rugRepriced.priceCents } });
        t.expectTrue(put.status === 502, 'When the catalog answers the PUT with 504, answer 502 (the starter already does: keep that).', { expected: '502 {"error":"…"}', actual: describe(put) });
        await expectProduct(t, rugRepriced, 'The catalog answered the write with 504 Gateway Timeout, but the write had been applied — a timeout does not say it was not. GET /products/9 still served the old cached copy: delete the entry after every write you forwarded, failed or not.');
      },
    },
  ],
});
