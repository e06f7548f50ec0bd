package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** A JPA application whose repository is used while the context starts. */
@SpringBootApplication
public class JpaApplication {

	/** Uses the repository in its constructor: the table must exist by then. */
	@Component
	public static class StartupCustomers {

		private final long count;

		public StartupCustomers(CustomerRepository customers) {
			customers.save(new Customer(1L, "Acme"));
			this.count = customers.count();
		}

		public long getCount() {
			return this.count;
		}

	}

}
