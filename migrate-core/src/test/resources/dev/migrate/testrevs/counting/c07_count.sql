-- revision: c07
-- down_revision: c06
-- message: count 7

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c07');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c07';
