-- Product reviews: one per customer per product, rated 1 to 5.
-- STRICT: SQLite refuses values of the wrong type (a rating of 2.5, a product_id of 'abc').
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (product_id, customer_id)
) STRICT;
