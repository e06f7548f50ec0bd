-- revision: 000000000002
-- down_revision: 000000000001
-- message: index orders.name
-- migrate:upgrade
CREATE INDEX ix_orders_name ON orders (name);
