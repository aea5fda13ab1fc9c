-- Products that were in no paid or shipped order placed in 2024. Column: name. Sort by name.
-- TODO
SELECT name FROM products;
