-- 1. Newsletter sign-ups: Grace Hopper (grace@shop.test, Arlington, United States) and
--    Ada Lovelace (ada@shop.test, London, United Kingdom). created_at for new customers:
--    '2025-01-01 09:00:00'. Grace is already a customer: update her city and country instead.
-- TODO


-- 2. Cancel every order that is still 'pending' and was placed before 2024-01-01.
-- TODO


-- 3. Delete the products that are sold out (stock = 0) and were never ordered.
-- TODO

