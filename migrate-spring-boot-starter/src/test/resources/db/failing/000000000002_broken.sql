-- revision: 000000000002
-- down_revision: 000000000001
-- message: broken revision
-- create_date: 2026-01-02 10:00:00

-- migrate:upgrade
CREATE TABLE orders (id BIGINT PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);

-- migrate:downgrade
DROP TABLE orders;
