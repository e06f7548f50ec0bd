-- revision: t04
-- down_revision: t03
-- message: customer email

-- migrate:upgrade
ALTER TABLE customer ADD COLUMN email VARCHAR(200);
INSERT INTO applied (rev) VALUES ('t04');

-- migrate:downgrade
ALTER TABLE customer DROP COLUMN email;
DELETE FROM applied WHERE rev = 't04';
