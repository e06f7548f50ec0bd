-- revision: a1b2c3d4e5f6
-- down_revision: none
-- message: create customer
-- create_date: 2026-01-01 12:00:00

-- migrate:upgrade
CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- migrate:downgrade
DROP TABLE customer;
