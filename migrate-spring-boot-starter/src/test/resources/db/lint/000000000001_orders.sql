-- revision: 000000000001
-- message: orders
-- migrate:upgrade
CREATE TABLE orders (id INTEGER PRIMARY KEY, name VARCHAR(50));
INSERT INTO orders VALUES (1, 'a'), (2, 'b');
