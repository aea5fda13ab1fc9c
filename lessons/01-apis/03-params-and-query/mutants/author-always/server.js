import express from 'express';
import { books } from './books.js';

const app = express();

app.get('/books', (req, res) => {
  const { author, available } = req.query;
  let result = books;
  result = result.filter((b) => b.author.toLowerCase() === String(author).toLowerCase());
  if (available === 'true' || available === 'false') {
    result = result.filter((b) => b.available === (available === 'true'));
  }
  res.json(result);
});

app.get('/books/:id', (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) {
    return res.status(400).json({ error: 'id must be a positive integer' });
  }
  const book = books.find((b) => b.id === id);
  if (!book) {
    return res.status(404).json({ error: 'Book not found' });
  }
  res.json(book);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
