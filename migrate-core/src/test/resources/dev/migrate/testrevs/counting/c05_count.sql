-- revision: c05
-- down_revision: c04
-- message: count 5

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c05');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c05';
