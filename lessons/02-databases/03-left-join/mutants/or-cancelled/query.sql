SELECT DISTINCT c.name, c.email
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE c.country = 'Ireland' AND (o.id IS NULL OR o.status = 'cancelled')
ORDER BY c.email;
