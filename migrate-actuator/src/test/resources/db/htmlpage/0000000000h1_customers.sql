-- revision: 0000000000h1
-- down_revision: none
-- message: customers & "friends" café
-- create_date: 2026-03-01 10:00:00

-- migrate:upgrade
CREATE TABLE page_customers (id BIGINT PRIMARY KEY);

-- migrate:downgrade
DROP TABLE page_customers;
