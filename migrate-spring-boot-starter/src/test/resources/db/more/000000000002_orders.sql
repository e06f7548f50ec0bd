-- revision: 000000000002
-- down_revision: 000000000001
-- message: create orders
-- create_date: 2026-01-02 10:00:00

-- migrate:upgrade
CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    total NUMERIC(10, 2) NOT NULL
);

-- migrate:downgrade
DROP TABLE orders;
