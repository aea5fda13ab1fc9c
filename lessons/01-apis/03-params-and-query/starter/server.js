import express from 'express';
import { books } from './books.js';

const app = express();

// TODO: filter by ?author= (ignoring case) and ?available=true|false when they are given.
app.get('/books', (req, res) => {
  res.json(books);
});

// TODO: this never finds a book — why? Then answer 400 for ids like "abc" or "-1",
//       and 404 { "error": "Book not found" } for ids no book has.
app.get('/books/:id', (req, res) => {
  const book = books.find((b) => b.id === req.params.id);
  res.status(404).json({ error: 'Book not found' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
