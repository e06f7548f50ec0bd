-- revision: 5d2e8f1a3b77
-- down_revision: 94c3d0e6a166
-- branch_labels:
-- depends_on:
-- message: create orders table
-- create_date: 2024-01-07 10:00:00

-- migrate:upgrade
-- First revision of the "orders" branch, developed in parallel with the "users" branch
-- (6c1a5e8b0daa, d7f2b9a4e1bb); both are joined by the merge revision 2b8e6f0c4acc.
CREATE TABLE orders (
    id SERIAL NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id)
);

-- migrate:downgrade
DROP TABLE orders;
