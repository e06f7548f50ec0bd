-- revision: r04
-- down_revision: r03
-- message: step 04

-- migrate:upgrade
CREATE TABLE t_r04 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r04;
