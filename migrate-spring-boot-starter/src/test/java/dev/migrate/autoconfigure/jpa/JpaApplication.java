package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A JPA application whose repository is used while the context starts ({@link StartupCustomers}). */
@SpringBootApplication
public class JpaApplication {

}
