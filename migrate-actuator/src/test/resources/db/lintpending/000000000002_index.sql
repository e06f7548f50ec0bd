-- revision: 000000000002
-- down_revision: 000000000001
-- message: index customers
-- migrate:upgrade
CREATE INDEX ix_customers_id_name ON customers (id);
