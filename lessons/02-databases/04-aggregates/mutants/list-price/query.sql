SELECT cu.name, cu.email, COUNT(DISTINCT o.id) AS order_count, SUM(oi.quantity * p.price_cents) AS spent_cents
FROM customers cu
JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled'
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
GROUP BY cu.id
HAVING COUNT(DISTINCT o.id) >= 8
ORDER BY spent_cents DESC, cu.email;
