-- revision: 00000000aa01
-- down_revision: none
-- message: create people, snake_case columns as Spring Boot's default naming makes them

-- migrate:upgrade
CREATE TABLE people (
    id BIGINT PRIMARY KEY,
    first_name VARCHAR(255),
    last_name VARCHAR(255)
);

-- migrate:downgrade
DROP TABLE people;
