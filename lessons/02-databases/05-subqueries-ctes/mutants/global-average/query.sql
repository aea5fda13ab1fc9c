-- Products that cost more than the average price of their OWN category.
-- Columns: category, product, price_cents. Sort by category, price_cents (highest first), product.
WITH category_avg AS (
  SELECT category_id, AVG(price_cents) AS avg_price
  FROM products
  GROUP BY category_id
)
SELECT c.name AS category, p.name AS product, p.price_cents
FROM products p
CROSS JOIN (SELECT AVG(price_cents) AS avg_price FROM products) ca
JOIN categories c ON c.id = p.category_id
WHERE p.price_cents > ca.avg_price
ORDER BY category, p.price_cents DESC, product;
