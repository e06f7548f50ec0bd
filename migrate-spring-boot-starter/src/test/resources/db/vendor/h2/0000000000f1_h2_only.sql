-- revision: 0000000000f1
-- down_revision: none
-- message: h2 flavour

-- migrate:upgrade
CREATE TABLE flavour (name VARCHAR(20) NOT NULL);
INSERT INTO flavour (name) VALUES ('h2');

-- migrate:downgrade
DROP TABLE flavour;
