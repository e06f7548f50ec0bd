package dev.migrate.sample.repository;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.migrate.sample.model.Company;

/** Spring Data repository of {@link Company}. */
public interface CompanyRepository extends JpaRepository<Company, Integer> {
}
