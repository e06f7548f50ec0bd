-- revision: r05
-- down_revision: r04
-- message: step 05

-- migrate:upgrade
CREATE TABLE t_r05 (id INTEGER);
INSERT INTO t_r05 (id) VALUES (1);
INSERT INTO no_such_table (id) VALUES (1);

-- migrate:downgrade
DROP TABLE t_r05;
