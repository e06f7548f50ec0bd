-- revision: 000000000001
-- down_revision: none
-- message: create customers
-- create_date: 2026-01-01 10:00:00

-- migrate:upgrade
CREATE TABLE customers (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

-- migrate:downgrade
DROP TABLE customers;
