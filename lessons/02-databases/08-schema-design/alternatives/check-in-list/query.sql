-- Not STRICT: the list of allowed ratings refuses 2.5 by itself (2.5 is not in it).
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating IN (1, 2, 3, 4, 5)),
  body TEXT NULL,
  created_at TEXT NOT NULL,
  CONSTRAINT one_review_per_customer UNIQUE (customer_id, product_id)
);
