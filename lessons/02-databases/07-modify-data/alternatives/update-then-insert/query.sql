-- Grace exists, so update her; Ada does not, so insert her. (Correct here because we know who
-- is new; the upsert is the general tool when you do not.)
UPDATE customers SET city = 'Arlington', country = 'United States' WHERE email = 'grace@shop.test';
INSERT INTO customers (email, name, country, city, created_at)
VALUES ('ada@shop.test', 'Ada Lovelace', 'United Kingdom', 'London', '2025-01-01 09:00:00');

-- The last second of 2023 is the last moment that is "before 2024-01-01".
UPDATE orders SET status = 'cancelled'
WHERE ordered_at <= '2023-12-31 23:59:59' AND status = 'pending';

DELETE FROM products
WHERE id IN (
  SELECT p.id FROM products p
  LEFT JOIN order_items oi ON oi.product_id = p.id
  WHERE p.stock = 0 AND oi.order_id IS NULL
);
