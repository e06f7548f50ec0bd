package dev.migrate.autoconfigure.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The model has an email column that no revision creates, and a longer name than the table: the schema has drifted. */
@Entity
@Table(name = "customers")
public class Customer {

	@Id
	private Long id;

	@Column(nullable = false, length = 150)
	private String name;

	@Column(length = 200)
	private String email;

}
