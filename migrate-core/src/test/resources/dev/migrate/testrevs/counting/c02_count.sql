-- revision: c02
-- down_revision: c01
-- message: count 2

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c02');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c02';
