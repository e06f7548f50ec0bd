package dev.migrate.autoconfigure.naming;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Camel-case attributes: their column names depend on the physical naming strategy. */
@Entity
@Table(name = "people")
public class Person {

	@Id
	private Long id;

	private String firstName;

	private String lastName;

}
