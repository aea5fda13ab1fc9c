import { defineChecks } from '../../../src/checks/define.ts';

const ids = (list: unknown): unknown => (Array.isArray(list) ? list.map((b: { id?: unknown }) => b.id) : list);

export default defineChecks({
  checks: [
    {
      id: 'book-by-id',
      title: 'GET /books/2 answers book 2',
      hint: 'req.params.id is the string "2"; the ids in books.js are numbers. Convert with Number(req.params.id).',
      steps: [
        {
          request: { path: '/books/2' },
          expect: { status: 200, json: [{ path: 'id', equals: 2 }, { path: 'title', equals: 'The Left Hand of Darkness' }] },
          message: 'GET /books/2 must answer book 2 with status 200. Route params are strings: compare b.id with Number(req.params.id), not with req.params.id.',
        },
        {
          request: { path: '/books/1' },
          expect: { status: 200, json: [{ path: 'id', equals: 1 }, { path: 'title', equals: 'A Wizard of Earthsea' }] },
          message: 'GET /books/1 must answer book 1: 1 is the smallest positive integer, so it is a valid id (id > 0, not id > 1).',
        },
      ],
    },
    {
      id: 'unknown-id-404',
      title: 'GET /books/99 answers 404 { "error": "Book not found" }',
      steps: [
        {
          request: { path: '/books/99' },
          expect: { status: 404, json: [{ path: '', equals: { error: 'Book not found' } }] },
          message: 'No book has id 99: answer res.status(404).json({ error: \'Book not found\' }).',
        },
      ],
    },
    {
      id: 'bad-id-400',
      title: 'Ids that are not positive integers (abc, -1, 0, 1.5, 2abc) answer 400',
      hint: 'Number("abc") is NaN and Number("1.5") is 1.5: Number.isInteger(id) && id > 0 rules out both, and -1 and 0 too. parseInt is too forgiving: parseInt("2abc") is 2.',
      steps: [
        {
          request: { path: '/books/abc' },
          expect: { status: 400, json: [{ path: 'error', equals: 'id must be a positive integer' }] },
          message: '"abc" is not an id at all — that is the client\'s mistake, not a missing book. Answer 400 { "error": "id must be a positive integer" }.',
        },
        {
          request: { path: '/books/-1' },
          expect: { status: 400, json: [{ path: 'error', equals: 'id must be a positive integer' }] },
          message: '-1 is a number but not a valid id: answer 400 for ids that are not positive whole numbers (Number.isInteger(id) && id > 0).',
        },
        {
          request: { path: '/books/0' },
          expect: { status: 400, json: [{ path: 'error', equals: 'id must be a positive integer' }] },
          message: '0 is a whole number but not positive: answer 400 (id > 0, not id >= 0).',
        },
        {
          request: { path: '/books/1.5' },
          expect: { status: 400, json: [{ path: 'error', equals: 'id must be a positive integer' }] },
          message: '1.5 is not a whole number: answer 400 (Number.isInteger(1.5) is false). parseInt("1.5") would quietly give 1 — use Number().',
        },
        {
          request: { path: '/books/2abc' },
          expect: { status: 400, json: [{ path: 'error', equals: 'id must be a positive integer' }] },
          message: '"2abc" is not an id: answer 400. parseInt("2abc") quietly gives 2 — Number("2abc") is NaN, so use Number() and Number.isInteger().',
        },
      ],
    },
    {
      id: 'filter-author',
      title: 'GET /books?author=… keeps that author\'s books, ignoring case',
      run: async (t) => {
        const res = await t.request({ path: '/books', query: { author: 'octavia e. butler' } });
        t.expectEqual(res.status, 200, `GET /books?author=octavia%20e.%20butler answered ${res.status}; it must answer 200 with a list.`);
        t.expectEqual(ids(res.json), [4, 5], 'GET /books?author=octavia e. butler must answer only books 4 and 5. Read req.query.author and compare lower-cased: b.author.toLowerCase() === author.toLowerCase().');
        const all = await t.request({ path: '/books' });
        t.expectEqual(ids(all.json), [1, 2, 3, 4, 5, 6], 'Without ?author, GET /books must still answer all six books: only filter when req.query.author is given.');
      },
    },
    {
      id: 'filter-available',
      title: 'GET /books?available=true|false filters, and combines with ?author',
      hint: 'req.query.available is the string "true" or "false", never a boolean — and the string "false" is truthy.',
      run: async (t) => {
        const yes = await t.request({ path: '/books', query: { available: 'true' } });
        t.expectEqual(ids(yes.json), [1, 3, 4, 6], '?available=true must keep only books 1, 3, 4 and 6. req.query.available is the string "true": compare with available === \'true\'.');
        const no = await t.request({ path: '/books', query: { available: 'false' } });
        t.expectEqual(ids(no.json), [2, 5], '?available=false must keep only books 2 and 5. The string "false" is truthy, so if (req.query.available) is not enough: compare with the strings \'true\' and \'false\'.');
        const both = await t.request({ path: '/books', query: { author: 'Ursula K. Le Guin', available: 'true' } });
        t.expectEqual(ids(both.json), [1, 3], '?author=Ursula K. Le Guin&available=true must keep books 1 and 3: apply both filters, one after the other.');
      },
    },
  ],
});
