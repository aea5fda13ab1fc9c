import express from 'express';
import { openapi } from './openapi.js';

const app = express();
app.use(express.json());

// The API is finished: document it in openapi.js (do not change these routes).
const books = [
  { id: 1, title: 'Dune', author: 'Frank Herbert', year: 1965 },
  { id: 2, title: 'Emma', author: 'Jane Austen', year: 1815 },
];
let nextId = 3;

app.get('/books', (req, res) => {
  res.json(books);
});

app.get('/books/:id', (req, res) => {
  const book = books.find((b) => b.id === Number(req.params.id));
  if (!book) return res.status(404).json({ error: 'no such book' });
  res.json(book);
});

app.post('/books', (req, res) => {
  const { title, author, year } = req.body ?? {};
  if (typeof title !== 'string' || title.trim() === '') return res.status(400).json({ error: 'title is required' });
  if (typeof author !== 'string' || author.trim() === '') return res.status(400).json({ error: 'author is required' });
  // year is optional: leave it out (or send null) when it is unknown.
  if (year !== undefined && year !== null && !Number.isInteger(year)) return res.status(400).json({ error: 'year must be a whole number' });
  const book = { id: nextId++, title, author, year: year ?? null, addedBy: req.ip };
  books.push(book);
  res.status(201).json(book);
});

// The contract: tools (Swagger UI, client generators, contract tests) read it from here.
app.get('/openapi.json', (req, res) => {
  res.json(openapi);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
