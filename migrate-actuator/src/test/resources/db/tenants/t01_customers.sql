-- revision: t01
-- down_revision: 
-- message: customers

-- migrate:upgrade
CREATE TABLE applied (rev VARCHAR(32) PRIMARY KEY);
CREATE TABLE customer (id INTEGER PRIMARY KEY, name VARCHAR(100));
INSERT INTO applied (rev) VALUES ('t01');

-- migrate:downgrade
DROP TABLE customer;
DROP TABLE applied;
