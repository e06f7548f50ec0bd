-- revision: r10
-- down_revision: r09
-- message: step 10

-- migrate:upgrade
CREATE TABLE t_r10 (id INTEGER);


-- migrate:downgrade
DROP TABLE t_r10;
