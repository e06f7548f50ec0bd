-- revision: 0000000000e1
-- down_revision: none
-- message: create daily totals
-- create_date: 2026-01-01 11:00:00

-- migrate:upgrade
CREATE TABLE daily_totals (
    report_day DATE PRIMARY KEY,
    total NUMERIC(12, 2) NOT NULL
);

-- migrate:downgrade
DROP TABLE daily_totals;
