-- Product reviews. TODO: this table accepts anything — add the rules from the lesson:
-- primary key, required columns, rating 1–5, foreign keys (reviews of a deleted customer go too),
-- and one review per customer per product.
CREATE TABLE reviews (
  id INTEGER,
  product_id INTEGER,
  customer_id INTEGER,
  rating INTEGER,
  body TEXT,
  created_at TEXT
);
