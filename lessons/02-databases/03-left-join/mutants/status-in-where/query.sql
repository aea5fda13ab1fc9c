SELECT c.name, c.email
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE c.country = 'Ireland' AND o.status <> 'cancelled' AND o.id IS NULL
ORDER BY c.email;
