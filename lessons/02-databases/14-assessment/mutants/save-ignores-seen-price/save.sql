-- Save an admin's new price: :price for product :id, only if its price is still :seen_price.
UPDATE products
SET price_cents = :price
WHERE id = :id;
