-- Migration 1: move customers.country into its own table.
-- Expand, migrate, contract — one file, applied once, all inside one transaction.
BEGIN;

CREATE TABLE countries (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

INSERT INTO countries (name)
SELECT country FROM customers ORDER BY country;

ALTER TABLE customers ADD COLUMN country_id INTEGER REFERENCES countries(id);

UPDATE customers
SET country_id = (SELECT co.id FROM countries co WHERE co.name = customers.country);

ALTER TABLE customers DROP COLUMN country;

-- Record that this database is now at schema version 1.
PRAGMA user_version = 1;

COMMIT;
