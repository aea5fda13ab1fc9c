import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

/** An ISBN no earlier check run used: the learner's books live in memory across runs. */
function freshIsbn(): string {
  return `979-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}

async function createBook(t: CheckContext, isbn: string) {
  return t.request({ method: 'POST', path: '/books', json: { title: 'Kindred', author: 'Octavia E. Butler', isbn } });
}

export default defineChecks({
  checks: [
    {
      id: 'create-201',
      title: 'POST /books answers 201 Created with the new book',
      hint: 'res.status(201).json(book) — res.json alone always means 200.',
      run: async (t) => {
        const res = await createBook(t, freshIsbn());
        t.expectTrue(res.status === 201, `POST /books answered ${res.status}. A created resource answers 201 Created — use res.status(201).json(book).`, { expected: 201, actual: res.status });
        const book = res.json as { id?: unknown; title?: unknown } | undefined;
        t.expectTrue(typeof book?.id === 'number' && book.title === 'Kindred', 'The 201 body must be the created book, including its new numeric id.', { expected: '{ id: <number>, title: "Kindred", … }', actual: res.text });
      },
    },
    {
      id: 'create-location',
      title: 'POST /books sets Location: /books/<id>',
      hint: 'res.location(`/books/${book.id}`) before sending; the check then GETs that URL.',
      run: async (t) => {
        const res = await createBook(t, freshIsbn());
        const id = (res.json as { id?: unknown } | undefined)?.id;
        const location = res.headers.location;
        if (location === undefined) return t.fail('POST /books sent no Location header. Tell the client where the new book lives: res.location(`/books/${book.id}`).', { expected: `Location: /books/${String(id)}`, actual: 'no Location header' });
        t.expectEqual(location, `/books/${String(id)}`, `The Location header must be the new book's URL, /books/<its id>.`);
        const follow = await t.request({ path: location });
        t.expectEqual(follow.status, 200, `GET ${location} (the Location you sent) answered ${follow.status}: the new book must be readable at that URL.`);
      },
    },
    {
      id: 'create-400',
      title: 'POST /books without title, author or isbn answers 400',
      hint: 'Check typeof value === \'string\' && value.trim() !== \'\' for each of the three fields, and return right after answering 400.',
      run: async (t) => {
        const cases: [string, unknown][] = [
          ['no title', { author: 'Nobody', isbn: freshIsbn() }],
          ['an author of only spaces', { title: 'Untitled', author: '  ', isbn: freshIsbn() }],
          ['an empty title', { title: '', author: 'Nobody', isbn: freshIsbn() }],
          ['a numeric isbn', { title: 'Untitled', author: 'Nobody', isbn: 42 }],
        ];
        const before = await t.request({ path: '/books' });
        for (const [what, json] of cases) {
          const res = await t.request({ method: 'POST', path: '/books', json });
          t.expectTrue(res.status === 400, `POST /books with ${what} answered ${res.status}. A request the server cannot accept as sent is the client's mistake: answer 400 with { error: '…' } and do not store it.`, { expected: 400, actual: `${res.status} ${res.text}` });
          t.expectTrue(typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `The 400 for ${what} must be JSON with an "error" message that says what is wrong.`, { expected: '{ "error": "…" }', actual: res.text });
        }
        const after = await t.request({ path: '/books' });
        t.expectEqual(after.json, before.json, 'A rejected POST /books changed the list: answer the 400 with return before books.push, so a rejected request stores nothing.');
      },
    },
    {
      id: 'create-409',
      title: 'POST /books with an ISBN that exists answers 409 Conflict',
      hint: 'Before creating: if (books.some((b) => b.isbn === isbn)) return res.status(409).json({ error: … }).',
      run: async (t) => {
        const isbn = freshIsbn();
        await createBook(t, isbn);
        const res = await createBook(t, isbn);
        t.expectTrue(res.status === 409, `Creating a second book with ISBN ${isbn} answered ${res.status}. The request is valid but clashes with an existing book: answer 409 Conflict and store nothing.`, { expected: 409, actual: `${res.status} ${res.text}` });
        const list = await t.request({ path: '/books' });
        const copies = Array.isArray(list.json) ? list.json.filter((b: { isbn?: unknown }) => b.isbn === isbn).length : 0;
        t.expectEqual(copies, 1, 'After the 409, GET /books must list the ISBN once: answer before books.push, with return.');
      },
    },
    {
      id: 'delete-204',
      title: 'DELETE /books/:id answers 204 with an empty body, and the book is gone',
      hint: 'res.sendStatus(204) — or res.status(204).end(). A 204 must not carry a body.',
      run: async (t) => {
        const created = await createBook(t, freshIsbn());
        const id = (created.json as { id?: unknown } | undefined)?.id;
        t.expectTrue(typeof id === 'number', 'POST /books must answer the created book with its id first (see the checks above).', { actual: created.text });
        const res = await t.request({ method: 'DELETE', path: `/books/${id}` });
        t.expectTrue(res.status === 204, `DELETE /books/${id} answered ${res.status}. "Deleted, nothing to show" is 204 No Content: res.sendStatus(204).`, { expected: 204, actual: `${res.status} ${res.text}` });
        t.expectEqual(res.text, '', 'A 204 answer must have an empty body.');
        const after = await t.request({ path: `/books/${id}` });
        t.expectEqual(after.status, 404, `After DELETE, GET /books/${id} answered ${after.status}: the book must be gone (404).`);
        const again = await t.request({ method: 'DELETE', path: `/books/${id}` });
        t.expectTrue(again.status === 404, `Deleting book ${id} a second time answered ${again.status}. It is gone, so answer 404 — a repeated DELETE must not remove anything else.`, { expected: 404, actual: `${again.status} ${again.text}` });
      },
    },
    {
      id: 'delete-404',
      title: 'DELETE of a book that does not exist answers 404 and deletes nothing',
      hint: 'books.findIndex returns -1 when nothing matches, and books.splice(-1, 1) removes the LAST book. Answer 404 before splicing.',
      run: async (t) => {
        const before = await t.request({ path: '/books' });
        const res = await t.request({ method: 'DELETE', path: '/books/987654' });
        t.expectTrue(res.status === 404, `DELETE /books/987654 answered ${res.status}; no such book exists, so answer 404 { "error": "Book not found" }.`, { expected: 404, actual: `${res.status} ${res.text}` });
        const after = await t.request({ path: '/books' });
        t.expectEqual(after.json, before.json, 'DELETE /books/987654 changed the list! findIndex gave -1 and splice(-1, 1) removed the last book. Return the 404 before splicing.');
      },
    },
    {
      id: 'delete-bad-id-400',
      title: 'DELETE /books/abc answers 400 and deletes nothing',
      hint: 'The same rule as GET /books/:id: const id = parseId(req.params.id); if (id === undefined) return res.status(400).json({ error: … }).',
      run: async (t) => {
        const before = await t.request({ path: '/books' });
        for (const bad of ['abc', '0', '1.5']) {
          const res = await t.request({ method: 'DELETE', path: `/books/${bad}` });
          t.expectTrue(res.status === 400 && typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `DELETE /books/${bad} answered ${res.status}. "${bad}" is not an id at all — the client's mistake: answer 400 { "error": "id must be a positive integer" }, as GET /books/:id does.`, { expected: '400 { "error": "…" }', actual: `${res.status} ${res.text}` });
        }
        const after = await t.request({ path: '/books' });
        t.expectEqual(after.json, before.json, 'A DELETE with a bad id changed the list: answer the 400 before touching books.');
      },
    },
  ],
});
