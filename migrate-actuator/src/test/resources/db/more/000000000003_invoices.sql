-- revision: 000000000003
-- down_revision: 000000000002
-- message: create invoices
-- create_date: 2026-01-03 10:00:00

-- migrate:upgrade
CREATE TABLE invoices (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id)
);

-- migrate:downgrade
DROP TABLE invoices;
