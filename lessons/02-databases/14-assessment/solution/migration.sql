-- Migration 2 (the database is at version 1): wish lists.
BEGIN;

CREATE TABLE wishlist_items (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, product_id)
) STRICT;

-- "Who wishes for product X?" searches by product_id: the primary key starts with customer_id.
CREATE INDEX idx_wishlist_items_product ON wishlist_items (product_id);

PRAGMA user_version = 2;

COMMIT;
