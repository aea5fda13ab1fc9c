-- Products that were in no paid or shipped order placed in 2024. Column: name. Sort by name.
SELECT p.name
FROM products p
LEFT JOIN order_items oi ON oi.product_id = p.id
LEFT JOIN orders o ON o.id = oi.order_id
WHERE oi.order_id IS NULL OR o.status NOT IN ('paid', 'shipped')
ORDER BY p.name;
