import { get, run } from './db.js';
import { moderate } from './services.js';

/** Stores a review after moderation and returns it. */
export async function saveReview(bookId, rating, text) {
  const clean = await moderate(text);
  const { lastId } = run('INSERT INTO reviews (book_id, rating, text) VALUES (?, ?, ?)', [bookId, rating, clean]);
  return get('SELECT * FROM reviews WHERE id = ?', [lastId]);
}
