-- revision: ad03
-- down_revision: ad02
-- message: create invoices

-- migrate:upgrade
CREATE TABLE invoices (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id));

-- migrate:downgrade
DROP TABLE invoices;
