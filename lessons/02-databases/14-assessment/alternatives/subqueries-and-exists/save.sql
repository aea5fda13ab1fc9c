-- Parameters can be written in any order in the SQL.
UPDATE products SET price_cents = :price WHERE price_cents = :seen_price AND id = :id
