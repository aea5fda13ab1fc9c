INSERT INTO customers (name, email, city, country, created_at)
VALUES ('Ada Lovelace', 'ada@shop.test', 'London', 'United Kingdom', '2025-01-01 09:00:00'),
       ('Grace Hopper', 'grace@shop.test', 'Arlington', 'United States', '2025-01-01 09:00:00')
ON CONFLICT (email) DO UPDATE SET country = excluded.country, city = excluded.city;

UPDATE orders SET status = 'cancelled'
WHERE status = 'pending' AND date(ordered_at) < date('2024-01-01');

DELETE FROM products
WHERE stock = 0 AND id NOT IN (SELECT product_id FROM order_items);
