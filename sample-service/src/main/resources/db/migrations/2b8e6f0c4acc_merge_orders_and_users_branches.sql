-- revision: 2b8e6f0c4acc
-- down_revision: 1e6b7d3f9c99, d7f2b9a4e1bb
-- branch_labels: 
-- depends_on: 
-- message: merge orders and users branches
-- create_date: 2026-11-25 11:56:08

-- migrate:upgrade

-- migrate:downgrade
