-- revision: 0000000000h2
-- down_revision: 0000000000h1
-- message: <script>alert('owned')</script><img src=x onerror=alert(1)>
-- create_date: 2026-03-02 10:00:00

-- migrate:upgrade
CREATE TABLE page_orders (id BIGINT PRIMARY KEY);

-- migrate:downgrade
DROP TABLE page_orders;
