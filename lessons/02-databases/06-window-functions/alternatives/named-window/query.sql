-- A named WINDOW clause, partitioned by the category's id; the derived table needs no alias in SQLite.
SELECT category, product, price_cents, position
FROM (
  SELECT c.name AS category, p.name AS product, p.price_cents,
         rank() OVER by_price AS position
  FROM categories c
  JOIN products p ON p.category_id = c.id
  WINDOW by_price AS (PARTITION BY c.id ORDER BY p.price_cents DESC)
)
WHERE position < 4
ORDER BY category ASC, position ASC, product ASC;
