-- revision: a0
-- down_revision: none
-- message: create t_a0
-- create_date: 2024-01-01 12:00:00

-- migrate:upgrade
CREATE TABLE t_a0 (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(40) DEFAULT 'it''s; fine');

-- migrate:downgrade
DROP TABLE t_a0;
