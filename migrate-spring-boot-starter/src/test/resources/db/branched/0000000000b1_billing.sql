-- revision: 0000000000b1
-- down_revision: 0000000000b0
-- branch_labels: billing
-- message: billing accounts
-- create_date: 2026-02-02 10:00:00

-- migrate:upgrade
CREATE TABLE accounts (id BIGINT PRIMARY KEY, company_id BIGINT NOT NULL);

-- migrate:downgrade
DROP TABLE accounts;
