-- Prices are whole cents, so "less than 2000" is "at most 1999"; conditions in another order, a table alias.
SELECT p.name, p.price_cents
FROM products AS p
WHERE p.stock > 0
  AND p.price_cents <= 1999
ORDER BY p.price_cents DESC, p.name ASC
LIMIT 10 OFFSET 0;
