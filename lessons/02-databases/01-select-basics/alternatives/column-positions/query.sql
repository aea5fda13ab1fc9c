-- ORDER BY may name the selected columns by position: 2 is price_cents, 1 is name.
SELECT name, price_cents FROM products
WHERE price_cents < 20 * 100 AND NOT stock = 0
ORDER BY 2 DESC, 1
LIMIT 10;
