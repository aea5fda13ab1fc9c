/**
 * HTTP caching with validators. Relations between two responses (same ETag, same bytes, 304
 * with an empty body) are stated with captures in `expect`; the update check needs "a
 * different ETag", which only `run` can say. Book 3 is the one the update check changes, so
 * the other checks can rely on books 1 and 2 staying as they are.
 */
import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { describe, send } from '../../_support/checks.ts';

/** A strong entity tag: a quoted string of visible characters other than the quote (RFC 9110, 8.8.3). */
const STRONG_ETAG = /^"[\x21\x23-\x7e\x80-\xff]*"$/;
const NO_CACHE = /(^|,)\s*no-cache\s*(,|$)/i;
/**
 * Sent with every conditional request, as fetch() does by itself for any request carrying
 * If-None-Match (Fetch standard, HTTP-network-or-cache fetch) — so the playground's HTTP client
 * and a browser's fetch send it too. Explicit here so every runner sends the same request. The
 * server must still evaluate If-None-Match (RFC 9110, 13.2.1); Express's req.fresh (and the
 * automatic 304 in res.send) does not when it sees no-cache, which the lesson text explains.
 */
const CONDITIONAL = { 'cache-control': 'no-cache' };

async function etagOf(t: CheckContext, path: string): Promise<string> {
  const res = await send(t, { path });
  const etag = res.headers.etag;
  if (res.status !== 200 || etag === undefined) return t.fail(`GET ${path} must answer 200 with an ETag header.`, { actual: `${describe(res)}\nETag: ${etag ?? '(none)'}` });
  return etag;
}

export default defineChecks({
  checks: [
    {
      id: 'cache-control-no-cache',
      title: 'GET /books/:id sends Cache-Control: no-cache',
      hint: "res.set('Cache-Control', 'no-cache') before sending.",
      steps: [
        {
          request: { path: '/books/1' },
          expect: { status: 200, headers: { 'cache-control': NO_CACHE } },
          message: 'Send Cache-Control: no-cache with the book: caches may keep it, but must check with your server (If-None-Match) before every reuse, because a book can change at any time.',
        },
      ],
    },
    {
      id: 'strong-etag',
      title: 'GET /books/:id sends a strong ETag that stays the same while the book does',
      hint: 'Hash the exact body you send: `"${createHash("sha256").update(body).digest("base64url")}"` — with the quotes, without W/.',
      steps: [
        {
          name: 'first read',
          request: { path: '/books/1' },
          expect: { status: 200, headers: { etag: STRONG_ETAG } },
          capture: { etag: { header: 'etag' }, first: { body: true } },
          message: 'Send a strong ETag: a value in double quotes, such as "k3J…", without the W/ prefix of weak tags. It must be computed from the body you send.',
        },
        {
          name: 'second read',
          request: { path: '/books/1' },
          expect: { status: 200, headers: { etag: '{{etag}}' }, bodyEquals: '{{first}}' },
          message: 'Reading the same, unchanged book twice must give the same ETag (and the same bytes): derive it from the content, not from a random value or the time.',
        },
      ],
    },
    {
      id: 'if-none-match-304',
      title: 'A matching If-None-Match gets 304 with no body, and the ETag and Cache-Control again',
      hint: 'Set both headers first, then: if (matches) return res.status(304).end();',
      steps: [
        {
          name: 'read',
          request: { path: '/books/2' },
          expect: { status: 200 },
          capture: { etag: { header: 'etag' } },
        },
        {
          name: 'revalidate',
          request: { path: '/books/2', headers: { ...CONDITIONAL, 'if-none-match': '{{etag}}' } },
          expect: { status: 304, bodyEquals: '', headers: { etag: '{{etag}}', 'cache-control': NO_CACHE } },
          message: 'When If-None-Match holds the current ETag, answer 304 Not Modified with no body — and still send ETag and Cache-Control (RFC 9110 asks for them on a 304: they refresh what the cache stored). Set the headers before deciding on 304.',
        },
      ],
    },
    {
      id: 'changed-book-new-etag',
      title: 'After an update the old ETag gets 200 with the new book and a new ETag, which then gets 304',
      hint: 'Compute the ETag from the body you are about to send, at every request; never answer 304 just because If-None-Match is present.',
      timeoutMs: 8000,
      run: async (t) => {
        const before = await etagOf(t, '/books/3');
        const title = `Ulysses, edition ${Date.now()}`;
        const put = await send(t, { method: 'PUT', path: '/books/3', json: { title, priceCents: 1799 } });
        t.expectTrue(put.status === 200, 'PUT /books/3 must still update the book (the route is given: keep it).', { actual: describe(put) });
        const stale = await send(t, { path: '/books/3', headers: { ...CONDITIONAL, 'if-none-match': before } });
        t.expectTrue(stale.status === 200 && (stale.json as { title?: unknown } | undefined)?.title === title, 'After the book changed, a request with the old ETag in If-None-Match must get 200 and the new book: its copy is out of date. Answer 304 only when If-None-Match matches the ETag of what you would send now.', {
          expected: `200 with "title": "${title}"`,
          actual: describe(stale),
        });
        const after = stale.headers.etag;
        if (after === undefined || after === before) {
          return t.fail('A changed book must get a new ETag: compute it from the content you send (a hash of the body), not from the id.', {
            expected: `an ETag other than ${before}`,
            actual: after ?? '(no ETag)',
          });
        }
        const fresh = await send(t, { path: '/books/3', headers: { ...CONDITIONAL, 'if-none-match': after } });
        t.expectEqual(fresh.status, 304, 'With the new ETag in If-None-Match, the changed book must get 304.');
      },
    },
    {
      id: 'if-none-match-list-and-star',
      title: 'If-None-Match with a list of ETags, or *, that includes the current one gets 304',
      hint: 'Split the header on commas and trim each tag; "*" matches any current representation.',
      steps: [
        {
          name: 'read',
          request: { path: '/books/1' },
          expect: { status: 200 },
          capture: { etag: { header: 'etag' } },
        },
        {
          name: 'a list',
          request: { path: '/books/1', headers: { ...CONDITIONAL, 'if-none-match': '"an-old-version", {{etag}}' } },
          expect: { status: 304, bodyEquals: '' },
          message: 'If-None-Match may list several ETags ("a", "b"): a cache that kept several versions sends them all. Split on commas, trim, and answer 304 when one of them matches.',
        },
        {
          name: 'a star',
          request: { path: '/books/1', headers: { ...CONDITIONAL, 'if-none-match': '*' } },
          expect: { status: 304, bodyEquals: '' },
          message: 'If-None-Match: * matches any current version of the resource: answer 304 for a book that exists.',
        },
      ],
    },
    {
      id: 'if-none-match-weak-comparison',
      title: 'If-None-Match compares weakly: W/ plus the current ETag gets 304',
      hint: 'Drop a leading W/ from each tag before comparing (RFC 9110 uses the weak comparison for If-None-Match).',
      steps: [
        {
          name: 'read',
          request: { path: '/books/2' },
          expect: { status: 200 },
          capture: { etag: { header: 'etag' } },
        },
        {
          name: 'weak',
          request: { path: '/books/2', headers: { ...CONDITIONAL, 'if-none-match': 'W/{{etag}}' } },
          expect: { status: 304, bodyEquals: '' },
          message: 'If-None-Match uses the weak comparison (RFC 9110, 13.1.2): W/"x" matches "x". Proxies that compress a response turn its ETag weak; strip a leading W/ from each tag before comparing.',
        },
      ],
    },
  ],
});
