-- revision: d2
-- down_revision: c2
-- message: create t_d2

-- migrate:upgrade
CREATE TABLE t_d2 (id INTEGER NOT NULL PRIMARY KEY);

-- migrate:downgrade
DROP TABLE t_d2;
