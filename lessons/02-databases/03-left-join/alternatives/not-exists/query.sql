-- NOT EXISTS says "no order that counts" directly; no join, no NULLs.
SELECT name, email
FROM customers AS cu
WHERE cu.country = 'Ireland'
  AND NOT EXISTS (
    SELECT 1 FROM orders AS o
    WHERE o.customer_id = cu.id AND o.status != 'cancelled'
  )
ORDER BY email;
