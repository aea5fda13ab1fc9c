-- The three most expensive products of every category, ties included.
-- Columns: category, product, price_cents, position. Sort by category, position, product.
WITH ranked AS (
  SELECT c.name AS category, p.name AS product, p.price_cents,
         ROW_NUMBER() OVER (PARTITION BY p.category_id ORDER BY p.price_cents DESC) AS position
  FROM products p
  JOIN categories c ON c.id = p.category_id
)
SELECT category, product, price_cents, position
FROM ranked
WHERE position <= 3
ORDER BY category, position, product;
