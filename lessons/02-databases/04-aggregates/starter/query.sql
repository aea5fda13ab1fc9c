-- Best customers: at least 8 orders that were not cancelled.
-- Columns: name, email, order_count, spent_cents. Sort by spent_cents (highest first), then email.
-- TODO: group per customer, count orders (not items), leave cancelled orders out, keep only 8+.
SELECT cu.name, cu.email, COUNT(*) AS order_count, SUM(oi.quantity * oi.unit_price_cents) AS spent_cents
FROM customers cu
JOIN orders o ON o.customer_id = cu.id
JOIN order_items oi ON oi.order_id = o.id;
