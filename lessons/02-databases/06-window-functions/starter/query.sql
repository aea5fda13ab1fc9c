-- The three most expensive products of every category, ties included.
-- Columns: category, product, price_cents, position. Sort by category, position, product.
-- TODO: rank the products within each category with a window function, keep positions 1 to 3.
SELECT c.name AS category, p.name AS product, p.price_cents
FROM products p
JOIN categories c ON c.id = p.category_id
ORDER BY category, p.price_cents DESC;
