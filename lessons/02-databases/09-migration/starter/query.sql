-- Migration 1: move customers.country into its own table.
-- Expand, migrate, contract — one file, applied once, all inside one transaction.
BEGIN;

CREATE TABLE countries (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

-- TODO: one row in countries per country that customers have today.

-- TODO: add customers.country_id, referencing countries(id), and fill it for every customer.

-- TODO: when every customer has a country_id, drop customers.country.

-- TODO: record that this database is now at schema version 1 (PRAGMA user_version).

COMMIT;
