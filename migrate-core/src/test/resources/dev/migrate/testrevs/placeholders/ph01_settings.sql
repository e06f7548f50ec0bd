-- revision: ph01
-- down_revision:
-- message: settings per environment

-- migrate:upgrade
CREATE TABLE settings (name VARCHAR(40) NOT NULL, val VARCHAR(100) NOT NULL);
INSERT INTO settings (name, val) VALUES ('env', '${env}');
INSERT INTO settings (name, val) VALUES ('literal', '$${env}');

-- migrate:downgrade
DROP TABLE settings;
