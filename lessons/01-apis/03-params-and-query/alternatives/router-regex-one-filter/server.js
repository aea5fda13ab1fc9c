import express from 'express';
import { books } from './books.js';

const app = express();
const router = express.Router();

router.get('/books', (req, res) => {
  const author = req.query.author?.toLowerCase();
  const { available } = req.query;
  res.json(
    books.filter(
      (book) =>
        (author === undefined || book.author.toLowerCase() === author) &&
        (available === undefined || String(book.available) === available),
    ),
  );
});

router.get('/books/:id', async (req, res) => {
  if (!/^[1-9][0-9]*$/.test(req.params.id)) {
    return res.status(400).json({ error: 'id must be a positive integer' });
  }
  const book = books.find(({ id }) => id === Number(req.params.id));
  if (book === undefined) return res.status(404).json({ error: 'Book not found' });
  return res.status(200).json(book);
});

app.use(router);

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
