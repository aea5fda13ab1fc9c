-- Sorted by customer, then by date: finds a customer's orders already in date order.
CREATE INDEX idx_orders_customer_date ON orders (customer_id, ordered_at);

-- The primary key (order_id, product_id) cannot serve lookups by product_id alone.
CREATE INDEX idx_order_items_product ON order_items (order_id, product_id);

-- Query A: a customer's order history, newest first. Look at its plan:
EXPLAIN QUERY PLAN
SELECT id, ordered_at, status FROM orders WHERE customer_id = 42 ORDER BY ordered_at DESC;

-- Query B: how often a product was ordered. (Swap the comment marks to see its plan.)
-- EXPLAIN QUERY PLAN
-- SELECT COUNT(*) FROM order_items WHERE product_id = 7;
