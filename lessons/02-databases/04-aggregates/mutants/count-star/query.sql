-- Best customers: at least 8 orders that were not cancelled.
-- Columns: name, email, order_count, spent_cents. Sort by spent_cents (highest first), then email.
SELECT cu.name, cu.email, COUNT(*) AS order_count, SUM(oi.quantity * oi.unit_price_cents) AS spent_cents
FROM customers cu
JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled'
JOIN order_items oi ON oi.order_id = o.id
GROUP BY cu.id
HAVING COUNT(*) >= 8
ORDER BY spent_cents DESC, cu.email;
