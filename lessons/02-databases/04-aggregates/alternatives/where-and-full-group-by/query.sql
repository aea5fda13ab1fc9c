-- The status filter in WHERE; every selected column grouped, as strict databases like.
SELECT customers.name AS name, customers.email AS email,
       COUNT(DISTINCT orders.id) AS order_count,
       SUM(order_items.quantity * order_items.unit_price_cents) AS spent_cents
FROM customers
JOIN orders ON orders.customer_id = customers.id
JOIN order_items ON order_items.order_id = orders.id
WHERE orders.status IN ('pending', 'paid', 'shipped')
GROUP BY customers.id, customers.name, customers.email
HAVING COUNT(DISTINCT orders.id) >= 8
ORDER BY 4 DESC, 2;
