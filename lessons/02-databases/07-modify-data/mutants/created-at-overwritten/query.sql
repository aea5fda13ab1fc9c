-- 1. Newsletter sign-ups: Grace Hopper (grace@shop.test, Arlington, United States) and
--    Ada Lovelace (ada@shop.test, London, United Kingdom). created_at for new customers:
--    '2025-01-01 09:00:00'. Grace is already a customer: update her city and country instead.
INSERT INTO customers (name, email, city, country, created_at) VALUES
  ('Grace Hopper', 'grace@shop.test', 'Arlington', 'United States', '2025-01-01 09:00:00'),
  ('Ada Lovelace', 'ada@shop.test', 'London', 'United Kingdom', '2025-01-01 09:00:00')
ON CONFLICT (email) DO UPDATE SET city = excluded.city, country = excluded.country, created_at = excluded.created_at;

-- 2. Cancel every order that is still 'pending' and was placed before 2024-01-01.
UPDATE orders SET status = 'cancelled'
WHERE status = 'pending' AND ordered_at < '2024-01-01';

-- 3. Delete the products that are sold out (stock = 0) and were never ordered.
DELETE FROM products
WHERE stock = 0
  AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = products.id);
