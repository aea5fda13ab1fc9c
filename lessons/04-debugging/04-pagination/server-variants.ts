/**
 * The servers the checks run the learner's pagination.test.js against: the bug as the lesson
 * hands it out, a correct fix, and one more off-by-one. They are the checks' own copies (not the
 * learner's server.js, which the learner is fixing) and differ only in the two lines paging
 * depends on; they use the workspace's db.js, so they page the same 23 products.
 */

interface Paging {
  /** Rows to skip for `page` and `limit`. */
  offset: string;
  /** Pages for `total` rows. */
  totalPages: string;
}

function pagingServer({ offset, totalPages }: Paging): string {
  return `import express from 'express';
import { all, get } from './db.js';

const app = express();

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

app.get('/products', (req, res) => {
  const page = positiveInt(req.query.page, 1);
  const limit = Math.min(positiveInt(req.query.limit, 10), 50);
  const offset = ${offset};
  const items = all('SELECT * FROM products ORDER BY id LIMIT ? OFFSET ?', [limit, offset]);
  const { total } = get('SELECT COUNT(*) AS total FROM products');
  res.json({ page, limit, total, totalPages: ${totalPages}, items });
});

app.listen(process.env.PORT ?? 3000);
`;
}

/** The starter's bug: pages counted from 1, offset computed as if from 0. */
export const BUGGY_SERVER = pagingServer({ offset: 'page * limit', totalPages: 'Math.ceil(total / limit)' });

/** The reference fix: a correct suite passes against it. */
export const FIXED_SERVER = pagingServer({ offset: '(page - 1) * limit', totalPages: 'Math.ceil(total / limit)' });

/** Another off-by-one at the far edge: offsets are right, but totalPages rounds down, so the last page is never linked. */
export const TOTAL_PAGES_FLOOR_SERVER = pagingServer({ offset: '(page - 1) * limit', totalPages: 'Math.floor(total / limit)' });
