package dev.migrate.autoconfigure.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plain {@code @GeneratedValue} (AUTO) Long id: Hibernate 7's {@code stays_seq}, allocating by 50. */
@Entity
@Table(name = "stays")
public class Stay {

	@Id
	@GeneratedValue
	Long id;

	int nights;

}
