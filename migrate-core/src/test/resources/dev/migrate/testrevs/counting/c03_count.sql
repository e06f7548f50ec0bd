-- revision: c03
-- down_revision: c02
-- message: count 3

-- migrate:upgrade

INSERT INTO applied (rev) VALUES ('c03');
SELECT pg_sleep(0.02);

-- migrate:downgrade
DELETE FROM applied WHERE rev = 'c03';
