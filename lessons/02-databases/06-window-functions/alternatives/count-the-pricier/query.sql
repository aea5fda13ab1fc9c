-- RANK by its definition, without a window function: 1 + how many products of the category cost more.
SELECT category, product, price_cents, position
FROM (
  SELECT cat.name AS category, pr.name AS product, pr.price_cents,
         1 + (SELECT COUNT(*) FROM products other
              WHERE other.category_id = pr.category_id AND other.price_cents > pr.price_cents) AS position
  FROM products pr JOIN categories cat ON cat.id = pr.category_id
) AS podium
WHERE position BETWEEN 1 AND 3
ORDER BY 1, 4, 2;
