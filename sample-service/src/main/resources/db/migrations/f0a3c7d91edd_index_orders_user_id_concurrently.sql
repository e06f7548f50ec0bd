-- revision: f0a3c7d91edd
-- down_revision: 2b8e6f0c4acc
-- branch_labels:
-- depends_on:
-- message: index orders.user_id concurrently
-- create_date: 2024-01-11 10:00:00
-- migrate:no-transaction

-- migrate:upgrade
-- PostgreSQL builds the index without locking orders against writes. CREATE INDEX CONCURRENTLY
-- cannot run inside a transaction block, hence migrate:no-transaction: each statement commits on
-- its own. If it fails half-way PostgreSQL leaves an INVALID index behind: drop it and upgrade again.
CREATE INDEX CONCURRENTLY ix_orders_user_id ON orders (user_id);

-- migrate:downgrade
DROP INDEX CONCURRENTLY ix_orders_user_id;
