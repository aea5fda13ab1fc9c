-- Every rule as a table constraint; a type check instead of STRICT.
CREATE TABLE reviews (
  id INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  rating INTEGER NOT NULL,
  body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id),
  FOREIGN KEY (product_id) REFERENCES products (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
  CHECK (typeof(rating) = 'integer' AND rating >= 1 AND rating <= 5),
  UNIQUE (product_id, customer_id)
);
