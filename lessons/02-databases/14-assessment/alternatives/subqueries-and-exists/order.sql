BEGIN TRANSACTION;
UPDATE products SET stock = stock - 2 WHERE id = 7;
INSERT INTO orders (customer_id, ordered_at, status) VALUES (1, '2025-02-01 10:00:00', 'paid');
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
VALUES (last_insert_rowid(), 7, 2, (SELECT price_cents FROM products WHERE id = 7));
END TRANSACTION;
