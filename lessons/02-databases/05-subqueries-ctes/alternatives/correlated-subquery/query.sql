-- A correlated subquery: the average of the products p2 in the same category as p.
SELECT c.name AS category, p.name AS product, p.price_cents
FROM products p
JOIN categories c ON c.id = p.category_id
WHERE p.price_cents > (
  SELECT AVG(p2.price_cents) FROM products p2 WHERE p2.category_id = p.category_id
)
ORDER BY c.name, p.price_cents DESC, p.name;
