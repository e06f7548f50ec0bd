-- revision: r01
-- down_revision: 
-- message: step 01

-- migrate:upgrade
CREATE TABLE t_r01 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r01;
