-- revision: l1
-- down_revision: none
-- message: table the slow revision writes to

-- migrate:upgrade
CREATE TABLE t_lease_applied (rev VARCHAR(10) NOT NULL);

-- migrate:downgrade
DROP TABLE t_lease_applied;
