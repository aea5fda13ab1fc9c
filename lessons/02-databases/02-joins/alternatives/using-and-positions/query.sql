-- A CTE for Grace's kept orders, then ORDER BY column positions.
WITH kept AS (
  SELECT o.id, o.ordered_at
  FROM orders o JOIN customers c ON c.id = o.customer_id
  WHERE c.email = 'grace@shop.test' AND NOT o.status = 'cancelled'
)
SELECT k.ordered_at, pr.name AS product, cat.name AS category, it.quantity
FROM kept k
JOIN order_items it ON it.order_id = k.id
JOIN products pr ON pr.id = it.product_id
JOIN categories cat ON cat.id = pr.category_id
ORDER BY 1, 2;
