-- revision: t02
-- down_revision: t01
-- message: orders

-- migrate:upgrade
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer (id));
INSERT INTO applied (rev) VALUES ('t02');

-- migrate:downgrade
DROP TABLE orders;
DELETE FROM applied WHERE rev = 't02';
