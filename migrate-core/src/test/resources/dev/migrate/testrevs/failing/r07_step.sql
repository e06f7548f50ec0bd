-- revision: r07
-- down_revision: r06
-- message: step 07

-- migrate:upgrade
CREATE TABLE t_r07 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r07;
