-- revision: fork2bbb
-- down_revision: fork0001
-- message: fork2bbb

-- migrate:upgrade
CREATE TABLE t_fork2bbb (id INTEGER);

-- migrate:downgrade
DROP TABLE t_fork2bbb;
