-- Restock to 10 every sold-out product (stock = 0) that was in a paid or shipped 2024 order.
UPDATE products SET stock = 10
WHERE stock = 0
  OR id IN (
    SELECT oi.product_id
    FROM order_items oi JOIN orders o ON o.id = oi.order_id
    WHERE o.status IN ('paid', 'shipped')
      AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
  );
