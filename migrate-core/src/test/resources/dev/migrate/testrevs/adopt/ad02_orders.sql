-- revision: ad02
-- down_revision: ad01
-- message: create orders

-- migrate:upgrade
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id));

-- migrate:downgrade
DROP TABLE orders;
