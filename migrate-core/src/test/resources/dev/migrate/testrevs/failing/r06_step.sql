-- revision: r06
-- down_revision: r05
-- message: step 06

-- migrate:upgrade
CREATE TABLE t_r06 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r06;
