-- revision: t03
-- down_revision: t02
-- message: invoices

-- migrate:upgrade
CREATE TABLE invoice (id INTEGER PRIMARY KEY, order_id INTEGER);
INSERT INTO applied (rev) VALUES ('t03');

-- migrate:downgrade
DROP TABLE invoice;
DELETE FROM applied WHERE rev = 't03';
