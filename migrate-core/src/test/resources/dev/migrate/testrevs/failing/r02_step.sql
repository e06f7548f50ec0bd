-- revision: r02
-- down_revision: r01
-- message: step 02

-- migrate:upgrade
CREATE TABLE t_r02 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r02;
