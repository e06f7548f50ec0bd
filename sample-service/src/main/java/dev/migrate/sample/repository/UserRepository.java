package dev.migrate.sample.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.migrate.sample.model.User;

/** Spring Data repository of {@link User}. */
public interface UserRepository extends JpaRepository<User, Integer> {
}
