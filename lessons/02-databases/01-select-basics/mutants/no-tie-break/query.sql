-- The 10 in-stock products cheaper than 20.00 (2000 cents), most expensive first,
-- equal prices by name. Columns: name, price_cents.
SELECT name, price_cents
FROM products
WHERE price_cents < 2000 AND stock > 0
ORDER BY price_cents DESC
LIMIT 10;
