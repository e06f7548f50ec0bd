-- revision: r09
-- down_revision: r08
-- message: step 09

-- migrate:upgrade
CREATE TABLE t_r09 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r09;
