-- revision: n2
-- down_revision: n1
-- message: index without a transaction
-- migrate:no-transaction

-- migrate:upgrade
CREATE INDEX CONCURRENTLY ix_n_a ON t_n (a);

-- migrate:downgrade
DROP INDEX CONCURRENTLY ix_n_a;
