-- revision: 0000000000p1
-- down_revision: none
-- message: settings per environment

-- migrate:upgrade
CREATE TABLE app_settings (name VARCHAR(40) NOT NULL, val VARCHAR(100) NOT NULL);
INSERT INTO app_settings (name, val) VALUES ('region', '${region}');

-- migrate:downgrade
DROP TABLE app_settings;
