BEGIN;
CREATE TABLE wishlist_items (
  product_id INTEGER NOT NULL REFERENCES products (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  UNIQUE (product_id, customer_id)
);
PRAGMA user_version = 2;
COMMIT;
