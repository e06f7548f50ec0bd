-- revision: c01
-- down_revision: 
-- message: count 1

-- migrate:upgrade
CREATE TABLE applied (rev VARCHAR(32) NOT NULL);
INSERT INTO applied (rev) VALUES ('c01');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c01';
