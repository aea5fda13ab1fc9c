-- Everything Grace Hopper (grace@shop.test) bought in orders that were not cancelled.
-- Columns: ordered_at, product, category, quantity. Sort by ordered_at, then product.
SELECT o.ordered_at, p.name AS product, c.name AS category, oi.quantity
FROM customers cu
JOIN orders o ON o.customer_id = cu.id
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
JOIN categories c ON c.id = p.category_id
WHERE cu.email = 'grace@shop.test' AND o.status <> 'cancelled'
ORDER BY o.ordered_at;
