-- revision: fork0001
-- down_revision: 
-- message: fork0001

-- migrate:upgrade
CREATE TABLE t_fork0001 (id INTEGER);

-- migrate:downgrade
DROP TABLE t_fork0001;
