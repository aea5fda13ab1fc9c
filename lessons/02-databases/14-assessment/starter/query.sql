-- The 2024 category report (see the lesson for every rule).
-- Columns: category, orders, units, revenue_cents, top_product.
SELECT name AS category
FROM categories;
