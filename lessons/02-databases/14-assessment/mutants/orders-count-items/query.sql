-- The 2024 category report (see the lesson for every rule).
-- Columns: category, orders, units, revenue_cents, top_product.
WITH sold AS (
  SELECT p.category_id, p.id AS product_id, p.name AS product, o.id AS order_id,
         oi.quantity, oi.quantity * oi.unit_price_cents AS amount
  FROM orders o
  JOIN order_items oi ON oi.order_id = o.id
  JOIN products p ON p.id = oi.product_id
  WHERE o.status IN ('paid', 'shipped')
    AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
),
per_product AS (
  SELECT category_id, product, SUM(quantity) AS units
  FROM sold
  GROUP BY category_id, product_id
),
ranked AS (
  SELECT category_id, product,
         ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY units DESC, product) AS position
  FROM per_product
)
SELECT c.name AS category,
       COUNT(s.order_id) AS orders,
       SUM(s.quantity) AS units,
       SUM(s.amount) AS revenue_cents,
       r.product AS top_product
FROM categories c
JOIN sold s ON s.category_id = c.id
JOIN ranked r ON r.category_id = c.id AND r.position = 1
GROUP BY c.id
HAVING SUM(s.amount) >= 5000000
ORDER BY revenue_cents DESC, category;
