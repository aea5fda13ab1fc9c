-- The 10 in-stock products cheaper than 20.00 (2000 cents), most expensive first,
-- equal prices by name. Columns: name, price_cents.
-- TODO: pick the columns, filter, sort and limit.
SELECT *
FROM products;
