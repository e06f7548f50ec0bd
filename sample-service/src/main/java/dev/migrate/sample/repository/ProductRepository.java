package dev.migrate.sample.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.migrate.sample.model.Product;

/** Spring Data repository of {@link Product}. */
public interface ProductRepository extends JpaRepository<Product, Integer> {
}
