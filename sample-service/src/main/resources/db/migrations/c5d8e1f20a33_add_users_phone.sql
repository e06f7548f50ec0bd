-- revision: c5d8e1f20a33
-- down_revision: 7a4e9c1d2b22
-- branch_labels:
-- depends_on:
-- message: add users.phone
-- create_date: 2024-01-02 10:00:00

-- migrate:upgrade
-- The guide's "add column", written as an SQL revision.
ALTER TABLE users ADD COLUMN phone VARCHAR(20);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN phone;
