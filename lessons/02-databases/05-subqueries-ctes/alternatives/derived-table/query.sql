-- The averages as a derived table in FROM, joined by category.
SELECT cat.name AS category, prod.name AS product, prod.price_cents
FROM categories cat
JOIN products prod ON prod.category_id = cat.id
JOIN (SELECT category_id, SUM(price_cents) * 1.0 / COUNT(*) AS mean FROM products GROUP BY category_id) m
  ON m.category_id = cat.id
WHERE prod.price_cents > m.mean
ORDER BY category ASC, price_cents DESC, product ASC;
