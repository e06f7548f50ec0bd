package dev.migrate.autoconfigure.jpa;

import org.springframework.stereotype.Component;

/** Uses the repository in its constructor: the table must exist by then. */
@Component
public class StartupCustomers {

	private final long count;

	public StartupCustomers(CustomerRepository customers) {
		customers.save(new Customer(1L, "Acme"));
		this.count = customers.count();
	}

	public long getCount() {
		return this.count;
	}

}
