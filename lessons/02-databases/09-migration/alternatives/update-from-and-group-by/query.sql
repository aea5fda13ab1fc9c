-- The same migration with GROUP BY instead of DISTINCT and UPDATE … FROM (SQLite 3.33+).
BEGIN TRANSACTION;

CREATE TABLE countries (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

INSERT INTO countries (name)
SELECT country FROM customers GROUP BY country;

ALTER TABLE customers ADD COLUMN country_id INTEGER REFERENCES countries (id);

UPDATE customers SET country_id = c.id
FROM countries AS c
WHERE c.name = customers.country;

ALTER TABLE customers DROP COLUMN country;

PRAGMA user_version = 1;

END TRANSACTION;
