-- revision: ad01
-- down_revision:
-- message: create customers

-- migrate:upgrade
CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- migrate:downgrade
DROP TABLE customers;
