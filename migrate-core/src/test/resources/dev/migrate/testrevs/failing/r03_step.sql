-- revision: r03
-- down_revision: r02
-- message: step 03

-- migrate:upgrade
CREATE TABLE t_r03 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r03;
