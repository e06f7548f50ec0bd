-- revision: 0000000000b2
-- down_revision: 0000000000b0
-- branch_labels: shipping
-- message: shipping addresses
-- create_date: 2026-02-03 10:00:00

-- migrate:upgrade
CREATE TABLE addresses (id BIGINT PRIMARY KEY, company_id BIGINT NOT NULL);

-- migrate:downgrade
DROP TABLE addresses;
