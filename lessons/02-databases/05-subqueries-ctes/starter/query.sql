-- Products that cost more than the average price of their OWN category.
-- Columns: category, product, price_cents. Sort by category, price_cents (highest first), product.
-- TODO: this compares with the average of ALL products. Compare with the product's category instead.
SELECT c.name AS category, p.name AS product, p.price_cents
FROM products p
JOIN categories c ON c.id = p.category_id
WHERE p.price_cents > (SELECT AVG(price_cents) FROM products)
ORDER BY category, p.price_cents DESC, product;
