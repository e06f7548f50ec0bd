-- revision: c06
-- down_revision: c05
-- message: count 6

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c06');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c06';
