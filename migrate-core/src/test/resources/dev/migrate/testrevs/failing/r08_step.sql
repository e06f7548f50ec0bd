-- revision: r08
-- down_revision: r07
-- message: step 08

-- migrate:upgrade
CREATE TABLE t_r08 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r08;
