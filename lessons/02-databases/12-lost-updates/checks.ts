import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';

interface Product { id: number; name: string; priceCents: number; stock: number; version: number }

function describe(res: HttpResponse): string {
  return `${res.status} ${res.text.slice(0, 200)}`;
}

/** The product as GET /products/:id shows it (given in the starter). */
async function read(t: CheckContext, id: number): Promise<Product> {
  const res = await t.request({ path: `/products/${id}` });
  const product = res.json as Partial<Product> | undefined;
  if (res.status !== 200 || typeof product?.version !== 'number') {
    return t.fail(`GET /products/${id} (given in the starter) must answer 200 { id, name, priceCents, stock, version } — put it back as it was.`, { actual: describe(res) });
  }
  return product as Product;
}

function save(t: CheckContext, id: number, body: Record<string, unknown>): Promise<HttpResponse> {
  return t.request({ method: 'PUT', path: `/products/${id}`, json: body });
}

const edit = (product: Product, change: Partial<Product>) => ({ name: product.name, priceCents: product.priceCents, stock: product.stock, version: product.version, ...change });
const same = (a: Product, b: Product) => a.name === b.name && a.priceCents === b.priceCents && a.stock === b.stock && a.version === b.version;

export default defineChecks({
  checks: [
    {
      id: 'save-current-version',
      title: 'A save with the current version answers 200 and raises the version by one',
      run: async (t) => {
        const before = await read(t, 1);
        const res = await save(t, 1, edit(before, { stock: before.stock + 1 }));
        t.expectTrue(res.status === 200, `PUT /products/1 with the current version (${before.version}) answered ${describe(res)}; a save of the latest version answers 200.`, { expected: 200, actual: describe(res) });
        const after = await read(t, 1);
        t.expectEqual([after.stock, after.version], [before.stock + 1, before.version + 1], 'After a save, GET must show the new values and a version one higher: SET …, version = version + 1.');
        t.expectEqual((res.json as Partial<Product> | undefined)?.version, after.version, 'Answer the saved product, with its new version, so the client can save again.');
      },
    },
    {
      id: 'saves-in-a-row',
      title: 'Saves that each use the version the previous one returned all succeed',
      run: async (t) => {
        let product = await read(t, 3);
        for (const price of [1300, 1350, 1250]) {
          const res = await save(t, 3, edit(product, { priceCents: price }));
          t.expectTrue(res.status === 200, `A save with the version the previous save returned (${product.version}) answered ${describe(res)}. Nobody else changed the product in between: answer 200.`, { expected: 200, actual: describe(res) });
          product = await read(t, 3);
          t.expectEqual(product.priceCents, price, 'GET must show the price just saved.');
        }
      },
    },
    {
      id: 'stale-version-409',
      title: 'A save based on an old version answers 409 and changes nothing',
      hint: 'UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ? — 0 changed rows on an existing product means someone saved first: 409.',
      run: async (t) => {
        const opened = await read(t, 2);
        // Another admin saves first, from the same version.
        const first = await save(t, 2, edit(opened, { stock: opened.stock + 5 }));
        t.expectTrue(first.status === 200, `The first save of product 2 answered ${describe(first)}; it used the current version and must answer 200.`);
        const afterFirst = await read(t, 2);
        const stale = await save(t, 2, edit(opened, { name: 'Retro Kettle 500 (renamed)' }));
        t.expectTrue(stale.status === 409, `A save sent with version ${opened.version}, after someone else saved version ${afterFirst.version}, answered ${describe(stale)}. It would overwrite their change without seeing it (a lost update): answer 409 Conflict.`, { expected: 409, actual: describe(stale) });
        const afterStale = await read(t, 2);
        t.expectTrue(same(afterStale, afterFirst), 'The refused save still changed the product. A 409 must leave it exactly as the other admin saved it: put the version test in the UPDATE\'s WHERE, and write nothing else.', { expected: afterFirst, actual: afterStale });
      },
    },
    {
      id: 'race-one-wins',
      title: 'Saves of the same version at the same moment: one 200, the others 409, nothing lost',
      hint: 'A SELECT of the version, an await, then the UPDATE leaves a gap: test the version in the UPDATE itself.',
      timeoutMs: 10000,
      run: async (t) => {
        const opened = await read(t, 4);
        const bodies = [edit(opened, { stock: opened.stock + 10 }), edit(opened, { priceCents: opened.priceCents + 100 }), edit(opened, { name: 'Quiet Teapot 300 XL' })];
        const answers = await t.requestAll(bodies.map((json) => ({ method: 'PUT' as const, path: '/products/4', json })));
        const statuses = answers.map((res) => res.status);
        t.expectEqual([...statuses].sort(), [200, 409, 409], `Three admins saved product 4 from the same version ${opened.version} at the same moment and got ${statuses.join(', ')}. Only the first save may apply; the others must answer 409 — check the version in the UPDATE's WHERE, not in an earlier SELECT.`);
        const winner = bodies[statuses.indexOf(200)];
        const after = await read(t, 4);
        t.expectEqual([after.name, after.stock, after.priceCents, after.version], [winner?.name, winner?.stock, winner?.priceCents, opened.version + 1], 'After the race the product must hold exactly the winning save, at version + 1.');
      },
    },
    {
      id: 'race-different-products',
      title: 'Saves of different products at the same moment both succeed',
      timeoutMs: 10000,
      run: async (t) => {
        const [a, b] = [await read(t, 1), await read(t, 3)];
        const answers = await t.requestAll([
          { method: 'PUT', path: '/products/1', json: edit(a, { stock: a.stock + 2 }) },
          { method: 'PUT', path: '/products/3', json: edit(b, { stock: b.stock + 2 }) },
        ]);
        t.expectEqual(answers.map((res) => res.status), [200, 200], `Saving products 1 and 3 at the same moment answered ${answers.map(describe).join(' / ')}. They do not conflict: both must answer 200 (the version belongs to each product).`);
      },
    },
    {
      id: 'unknown-product-404',
      title: 'Saving a product that does not exist answers 404',
      run: async (t) => {
        const res = await save(t, 999, { name: 'Ghost', priceCents: 100, stock: 1, version: 1 });
        t.expectTrue(res.status === 404, `PUT /products/999 answered ${describe(res)}. When the UPDATE changes no row, look the product up: missing is 404, a newer version is 409.`, { expected: 404, actual: describe(res) });
      },
    },
    {
      id: 'version-required',
      title: 'A save without a version answers 400 and changes nothing',
      run: async (t) => {
        const before = await read(t, 1);
        const { version: _unused, ...withoutVersion } = edit(before, { stock: before.stock + 3 });
        const res = await save(t, 1, withoutVersion);
        t.expectTrue(res.status === 400, `A save without version answered ${describe(res)}. Without the version the client read, the server cannot tell a stale save from a fresh one: answer 400.`, { expected: 400, actual: describe(res) });
        t.expectTrue(same(await read(t, 1), before), 'The save without a version changed the product: refuse it before writing anything.');
      },
    },
  ],
});
