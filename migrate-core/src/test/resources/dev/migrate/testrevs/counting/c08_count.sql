-- revision: c08
-- down_revision: c07
-- message: count 8

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c08');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c08';
