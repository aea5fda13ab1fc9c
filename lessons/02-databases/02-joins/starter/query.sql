-- Everything Grace Hopper (grace@shop.test) bought in orders that were not cancelled.
-- Columns: ordered_at, product, category, quantity. Sort by ordered_at, then product.
-- TODO: join order_items, products and categories; filter; sort.
SELECT o.ordered_at, o.status
FROM customers cu
JOIN orders o ON o.customer_id = cu.id
WHERE cu.email = 'grace@shop.test';
