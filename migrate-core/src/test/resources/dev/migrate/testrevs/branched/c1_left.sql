-- revision: c1
-- down_revision: b0
-- branch_labels: left
-- message: create t_c1

-- migrate:upgrade
/* a block comment; with a semicolon */
CREATE TABLE t_c1 (id INTEGER NOT NULL PRIMARY KEY);
-- a line comment; with a semicolon
INSERT INTO t_a0 (id, note) VALUES (1, 'semi;colon');

-- migrate:downgrade
DELETE FROM t_a0 WHERE id = 1;
DROP TABLE t_c1;
