-- revision: c04
-- down_revision: c03
-- message: count 4

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c04');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c04';
