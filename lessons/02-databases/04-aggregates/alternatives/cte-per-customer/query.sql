-- Count orders and sum items in separate steps, so no join multiplies anything.
WITH kept_orders AS (
  SELECT id, customer_id FROM orders WHERE status != 'cancelled'
),
order_totals AS (
  SELECT k.customer_id, k.id AS order_id, SUM(i.unit_price_cents * i.quantity) AS total
  FROM kept_orders k JOIN order_items i ON i.order_id = k.id
  GROUP BY k.id
)
SELECT c.name, c.email, COUNT(*) AS order_count, SUM(t.total) AS spent_cents
FROM order_totals t
JOIN customers c ON c.id = t.customer_id
GROUP BY c.id
HAVING COUNT(*) >= 8
ORDER BY spent_cents DESC, c.email;
