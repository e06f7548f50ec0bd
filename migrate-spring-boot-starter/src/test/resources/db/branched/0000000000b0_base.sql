-- revision: 0000000000b0
-- down_revision: none
-- message: base
-- create_date: 2026-02-01 10:00:00

-- migrate:upgrade
CREATE TABLE companies (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- migrate:downgrade
DROP TABLE companies;
