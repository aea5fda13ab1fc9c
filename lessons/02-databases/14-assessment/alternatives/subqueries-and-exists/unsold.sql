SELECT name FROM products p
WHERE NOT EXISTS (
  SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
  WHERE oi.product_id = p.id AND o.status IN ('paid', 'shipped') AND strftime('%Y', o.ordered_at) = '2024'
)
ORDER BY name ASC;
