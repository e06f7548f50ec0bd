-- revision: 0000000000h3
-- down_revision: 0000000000h2
-- message: invoices, still to come
-- create_date: 2026-03-03 10:00:00

-- migrate:upgrade
CREATE TABLE page_invoices (id BIGINT PRIMARY KEY);

-- migrate:downgrade
DROP TABLE page_invoices;
