-- revision: 0000000000a1
-- down_revision: none
-- message: create audit events
-- create_date: 2026-01-01 12:00:00

-- migrate:upgrade
CREATE TABLE audit_events (
    id BIGINT PRIMARY KEY,
    what VARCHAR(200) NOT NULL
);

-- migrate:downgrade
DROP TABLE audit_events;
