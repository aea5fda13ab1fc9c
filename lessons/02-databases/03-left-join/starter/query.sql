-- Customers in Ireland who never bought anything: no orders, or only cancelled ones.
-- Columns: name, email. Sort by email.
-- TODO: this finds the opposite — customers who DID order. Fix the join and the filter.
SELECT DISTINCT c.name, c.email
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE c.country = 'Ireland'
ORDER BY c.email;
