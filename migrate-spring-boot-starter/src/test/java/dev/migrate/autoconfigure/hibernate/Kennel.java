package dev.migrate.autoconfigure.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

/** Hibernate's own {@code @Comment} on the table and a column; a named sequence generator allocating by 10. */
@Entity
@Table(name = "kennels")
@Comment("where pets stay")
public class Kennel {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kennel_gen")
	@SequenceGenerator(name = "kennel_gen", sequenceName = "kennels_id_seq", allocationSize = 10)
	Long id;

	@Comment("street address")
	@Column(nullable = false, length = 120)
	String address;

}
