-- revision: 0000000000f1
-- down_revision: none
-- message: postgresql flavour

-- migrate:upgrade
CREATE TABLE flavour (name TEXT NOT NULL);
INSERT INTO flavour (name) VALUES ('postgresql');

-- migrate:downgrade
DROP TABLE flavour;
