-- Customers in Ireland who never bought anything: no orders, or only cancelled ones.
-- Columns: name, email. Sort by email.
SELECT c.name, c.email
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE c.country = 'Ireland' AND o.id IS NULL
ORDER BY c.email;
