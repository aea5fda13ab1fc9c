-- TODO: add the indexes that make queries A and B fast, e.g.
-- CREATE INDEX idx_name ON table_name (column1, column2);


-- Query A: a customer's order history, newest first. Look at its plan:
EXPLAIN QUERY PLAN
SELECT id, ordered_at, status FROM orders WHERE customer_id = 42 ORDER BY ordered_at DESC;

-- Query B: how often a product was ordered. (Swap the comment marks to see its plan.)
-- EXPLAIN QUERY PLAN
-- SELECT COUNT(*) FROM order_items WHERE product_id = 7;
