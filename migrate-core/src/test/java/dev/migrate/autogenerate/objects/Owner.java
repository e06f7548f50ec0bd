package dev.migrate.autogenerate.objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

/** Hibernate's {@code @Comment} on the table and a column; a named sequence generator. */
@Entity
@Table(name = "owners")
@Comment("pet owners")
public class Owner {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "owner_gen")
	@SequenceGenerator(name = "owner_gen", sequenceName = "owners_id_seq", allocationSize = 10)
	private Long id;

	@Comment("full name")
	@Column(nullable = false, length = 80)
	private String name;

}
