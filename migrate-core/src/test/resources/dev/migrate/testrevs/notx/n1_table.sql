-- revision: n1
-- message: table

-- migrate:upgrade
CREATE TABLE t_n (a INTEGER, b INTEGER, c INTEGER);

-- migrate:downgrade
DROP TABLE t_n;
