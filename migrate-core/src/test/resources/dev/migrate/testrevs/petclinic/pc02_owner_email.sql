-- revision: pc02
-- down_revision: pc01
-- message: add owners.email

-- migrate:upgrade
ALTER TABLE owners ADD COLUMN email TEXT;

-- migrate:downgrade
ALTER TABLE owners DROP COLUMN email;
