package dev.migrate.autoconfigure.types.pg;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** PostgreSQL only: an enum type (CREATE TYPE ... AS ENUM), a List as an SQL array, citext. */
@Entity
@Table(name = "reactions")
public class Reaction {

	public enum Mood {
		HAPPY, SAD, OK
	}

	@Id
	private Long id;

	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	private Mood mood;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> labels;

	@Column(columnDefinition = "citext")
	private String email;

	protected Reaction() {
	}

	public Reaction(Long id, Mood mood, List<String> labels, String email) {
		this.id = id;
		this.mood = mood;
		this.labels = labels;
		this.email = email;
	}

}
