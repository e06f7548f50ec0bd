package dev.migrate.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The migration guide's application: companies, users, products and orders, migrated to head by
 * Migrate's starter before JPA starts, with its state served at {@code /actuator/migrations}.
 */
@SpringBootApplication
public class SampleServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleServiceApplication.class, args);
	}

}
