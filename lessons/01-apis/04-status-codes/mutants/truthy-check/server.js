import express from 'express';

const app = express();
app.use(express.json());

// In memory: resets whenever the server restarts.
const books = [
  { id: 1, title: 'A Wizard of Earthsea', author: 'Ursula K. Le Guin', isbn: '978-0547773742' },
  { id: 2, title: 'Piranesi', author: 'Susanna Clarke', isbn: '978-1635575941' },
];
let nextId = 3;

const isText = (value) => Boolean(value);

app.get('/books', (req, res) => {
  res.json(books);
});

/** The :id of the URL as a positive whole number, or undefined (then the answer is 400). */
function parseId(text) {
  const id = Number(text);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

app.get('/books/:id', (req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) {
    return res.status(400).json({ error: 'id must be a positive integer' });
  }
  const book = books.find((b) => b.id === id);
  if (!book) {
    return res.status(404).json({ error: 'Book not found' });
  }
  res.json(book);
});

app.post('/books', (req, res) => {
  const { title, author, isbn } = req.body ?? {};
  if (!isText(title) || !isText(author) || !isText(isbn)) {
    return res.status(400).json({ error: 'title, author and isbn are required non-empty strings' });
  }
  if (books.some((b) => b.isbn === isbn)) {
    return res.status(409).json({ error: `A book with isbn ${isbn} already exists` });
  }
  const book = { id: nextId++, title, author, isbn };
  books.push(book);
  res.status(201).location(`/books/${book.id}`).json(book);
});

app.delete('/books/:id', (req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) {
    return res.status(400).json({ error: 'id must be a positive integer' });
  }
  const index = books.findIndex((b) => b.id === id);
  if (index === -1) {
    return res.status(404).json({ error: 'Book not found' });
  }
  books.splice(index, 1);
  res.sendStatus(204);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
