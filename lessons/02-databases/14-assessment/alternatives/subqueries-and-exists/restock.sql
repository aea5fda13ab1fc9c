UPDATE products SET stock = 10
WHERE stock = 0 AND EXISTS (
  SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
  WHERE oi.product_id = products.id AND o.status IN ('paid', 'shipped')
    AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
);
