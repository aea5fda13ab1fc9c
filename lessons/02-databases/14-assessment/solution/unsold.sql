-- Products that were in no paid or shipped order placed in 2024. Column: name. Sort by name.
SELECT p.name
FROM products p
LEFT JOIN (
  order_items oi
  JOIN orders o ON o.id = oi.order_id
    AND o.status IN ('paid', 'shipped')
    AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
) ON oi.product_id = p.id
WHERE oi.order_id IS NULL
ORDER BY p.name;
