-- revision: t05
-- down_revision: t04
-- message: orders index

-- migrate:upgrade
CREATE INDEX ix_orders_customer ON orders (customer_id);
INSERT INTO applied (rev) VALUES ('t05');

-- migrate:downgrade
DROP INDEX ix_orders_customer;
DELETE FROM applied WHERE rev = 't05';
