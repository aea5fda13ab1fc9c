-- The customer found by a subquery instead of a join; the statuses listed instead of excluded.
SELECT orders.ordered_at, products.name AS product, categories.name AS category, order_items.quantity
FROM orders
INNER JOIN order_items ON order_items.order_id = orders.id
INNER JOIN products ON products.id = order_items.product_id
INNER JOIN categories ON categories.id = products.category_id
WHERE orders.customer_id = (SELECT id FROM customers WHERE email = 'grace@shop.test')
  AND orders.status IN ('pending', 'paid', 'shipped')
ORDER BY orders.ordered_at, product;
