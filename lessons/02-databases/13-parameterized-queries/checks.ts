import { defineChecks, type CheckContext, type HttpRequestSpec } from '../../../src/checks/define.ts';

/**
 * SQL text glued together with input: a template literal with ${…}, or a quoted string holding
 * SQL that is joined to something with + (building a *value* such as '%' + q + '%' is fine).
 */
const BUILT_SQL = [
  /`[^`]*\b(SELECT|INSERT|UPDATE|DELETE)\b[^`]*\$\{[^`]*`/i,
  /\b(WHERE|LIKE|AND|OR)\b[^'"\n]*['"]\s*\+/i,
  /"[^"\n]*\b(SELECT|WHERE|LIKE|AND|OR)\b[^"\n]*"\s*\+/i,
  /'[^'\n]*\b(SELECT|WHERE|LIKE|AND|OR)\b[^'\n]*'\s*\+/i,
];

async function ask(t: CheckContext, spec: HttpRequestSpec) {
  const res = await t.request(spec);
  const label = `GET ${spec.path}?${new URLSearchParams(Object.entries(spec.query ?? {}).map(([k, v]) => [k, String(v)])).toString()}`;
  return { res, label };
}

export default defineChecks({
  checks: [
    {
      id: 'track-works',
      title: 'GET /orders/track answers an order when e-mail and order number match',
      run: async (t) => {
        const { res, label } = await ask(t, { path: '/orders/track', query: { email: 'grace@shop.test', orderId: 1001 } });
        t.expectTrue(res.status === 200 && (res.json as { id?: unknown } | undefined)?.id === 1001, `${label} must answer 200 with order 1001.`, { expected: '200 { id: 1001, … }', actual: `${res.status} ${res.text.slice(0, 200)}` });
        const wrong = await ask(t, { path: '/orders/track', query: { email: 'grace@shop.test', orderId: 1002 } });
        t.expectTrue(wrong.res.status === 404, `${wrong.label} must answer 404: order 1002 is Ada's, not Grace's.`, { expected: 404, actual: `${wrong.res.status} ${wrong.res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'apostrophe',
      title: 'An e-mail with an apostrophe works',
      hint: 'With a ? parameter, quotes in a value are just characters.',
      run: async (t) => {
        const { res, label } = await ask(t, { path: '/orders/track', query: { email: "liam.o'brien@shop.test", orderId: 1003 } });
        t.expectTrue(res.status === 200 && (res.json as { id?: unknown } | undefined)?.id === 1003, `${label} answered ${res.status}. The apostrophe in Liam's e-mail ends the SQL string early and breaks the query. Pass the e-mail as a parameter: … AND c.email = ? with [Number(orderId), email].`, { expected: '200 { id: 1003, … }', actual: `${res.status} ${res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'track-injection',
      title: 'Injected e-mails or order numbers find no order',
      run: async (t) => {
        const attempts = [
          { email: "nobody' OR '1'='1", orderId: '0' },
          { email: "x' OR 1=1 --", orderId: '0' },
          { email: 'nobody@shop.test', orderId: '1002 OR 1=1' },
        ];
        for (const query of attempts) {
          const { res, label } = await ask(t, { path: '/orders/track', query });
          t.expectTrue(res.status === 404, `${label} answered ${res.status} ${res.text.slice(0, 120)} — the input became part of the SQL and the OR made the condition true for some order. Use ? placeholders for orderId and email, both.`, { expected: 404, actual: `${res.status} ${res.text.slice(0, 200)}` });
        }
      },
    },
    {
      id: 'search-works',
      title: 'GET /products/search?q=kettle finds the kettles, and an apostrophe does no harm',
      run: async (t) => {
        const { res, label } = await ask(t, { path: '/products/search', query: { q: 'Kettle' } });
        const names = Array.isArray(res.json) ? res.json.map((p: { name?: unknown }) => p.name) : res.json;
        t.expectEqual(names, ['Classic Kettle 200', 'Retro Kettle 500'], `${label} must answer the two kettles (name LIKE '%Kettle%'), sorted by name. Put the % wildcards into the parameter value: [\`%\${q}%\`].`);
        const quote = await ask(t, { path: '/products/search', query: { q: "O'Brien's" } });
        t.expectTrue(quote.res.status === 200 && Array.isArray(quote.res.json) && quote.res.json.length === 0, `${quote.label} answered ${quote.res.status}; a search with an apostrophe must simply find nothing (200 []). Pass q as a parameter.`, { expected: '200 []', actual: `${quote.res.status} ${quote.res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'search-injection',
      title: 'The search box cannot read the customers table',
      run: async (t) => {
        const { res, label } = await ask(t, { path: '/products/search', query: { q: "%' UNION SELECT email, id FROM customers -- " } });
        t.expectTrue(!res.text.includes('@shop.test'), `${label} answered customers' e-mail addresses: the UNION in the input ran as SQL. Build the query with a ? placeholder: 'SELECT … WHERE name LIKE ? ORDER BY name' with [\`%\${q}%\`].`, { expected: '[] (no product has that name)', actual: res.text.slice(0, 200) });
        t.expectTrue(res.status === 200, `${label} must answer 200 [] — it is just a search that finds nothing.`, { actual: `${res.status} ${res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'no-sql-building',
      title: 'server.js builds no SQL from input',
      hint: 'Look for ${ inside SQL template literals and for + next to quotes in SQL strings.',
      file: {
        path: 'server.js',
        notContains: BUILT_SQL,
        message: 'server.js still glues values into SQL text (a ${…} inside an SQL template literal, or \' + value + \'). Even where it seems harmless, use ? placeholders and pass the values in the params array.',
      },
    },
  ],
});
