-- revision: fork2aaa
-- down_revision: fork0001
-- message: fork2aaa

-- migrate:upgrade
CREATE TABLE t_fork2aaa (id INTEGER);

-- migrate:downgrade
DROP TABLE t_fork2aaa;
