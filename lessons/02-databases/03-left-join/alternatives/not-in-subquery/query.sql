-- NOT IN is safe here: orders.customer_id is NOT NULL, so the list holds no NULL.
SELECT c.name, c.email FROM customers c
WHERE c.country = 'Ireland'
  AND c.id NOT IN (SELECT customer_id FROM orders WHERE status IN ('pending', 'paid', 'shipped'))
ORDER BY c.email ASC;
