-- revision: 0000000000b3
-- down_revision: 0000000000b1, 0000000000b2
-- message: merge billing and shipping
-- create_date: 2026-02-04 10:00:00

-- migrate:upgrade

-- migrate:downgrade
