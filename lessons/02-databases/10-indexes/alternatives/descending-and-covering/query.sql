-- Newest first stored as such, and a covering index for B (it also holds order_id).
CREATE INDEX orders_by_customer_newest ON orders (customer_id, ordered_at DESC);
CREATE INDEX order_items_by_product ON order_items (product_id, order_id);

EXPLAIN QUERY PLAN
SELECT COUNT(*) FROM order_items WHERE product_id = 7;
