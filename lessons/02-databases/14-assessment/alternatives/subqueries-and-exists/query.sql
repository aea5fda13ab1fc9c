-- Correlated subqueries instead of a window function; one CTE for the 2024 sales.
WITH sale AS (
  SELECT o.id AS order_id, oi.product_id, oi.quantity, oi.quantity * oi.unit_price_cents AS amount, p.category_id, p.name AS product
  FROM order_items oi
  JOIN orders o ON o.id = oi.order_id
  JOIN products p ON p.id = oi.product_id
  WHERE o.status IN ('shipped', 'paid') AND date(o.ordered_at) BETWEEN '2024-01-01' AND '2024-12-31'
)
SELECT cat.name AS category,
       COUNT(DISTINCT sale.order_id) AS orders,
       SUM(sale.quantity) AS units,
       SUM(sale.amount) AS revenue_cents,
       (SELECT s2.product FROM sale s2 WHERE s2.category_id = cat.id
        GROUP BY s2.product_id ORDER BY SUM(s2.quantity) DESC, s2.product LIMIT 1) AS top_product
FROM sale JOIN categories cat ON cat.id = sale.category_id
GROUP BY cat.id, cat.name
HAVING SUM(sale.amount) >= 5000000
ORDER BY 4 DESC, 1;
