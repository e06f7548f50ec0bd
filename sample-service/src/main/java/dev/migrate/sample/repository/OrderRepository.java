package dev.migrate.sample.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.migrate.sample.model.Order;

/** Spring Data repository of {@link Order}. */
public interface OrderRepository extends JpaRepository<Order, Integer> {
}
