-- revision: e0
-- down_revision: d1, d2
-- message: merge left and right
-- create_date: 2024-01-07 12:00:00

-- migrate:upgrade
CREATE TABLE t_e0 (id INTEGER NOT NULL PRIMARY KEY);

-- migrate:downgrade
DROP TABLE t_e0;
