package dev.migrate.autogenerate.objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** JPA 3.2's {@code comment} members; a SEQUENCE id with no generator: Hibernate 7's {@code visits_seq}, by 50. */
@Entity
@Table(name = "visits", comment = "vet visits")
public class Visit {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	@Column(length = 200, comment = "what happened")
	private String description;

}
