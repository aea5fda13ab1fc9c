-- Customer 1 orders 2 × product 7 — the order, its item and the stock change, all or nothing.
BEGIN;

INSERT INTO orders (customer_id, ordered_at, status)
VALUES (1, '2025-02-01 10:00:00', 'paid');

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT last_insert_rowid(), id, 2, price_cents FROM products WHERE id = 7;

UPDATE products SET stock = stock - 2 WHERE id = 7;

COMMIT;
