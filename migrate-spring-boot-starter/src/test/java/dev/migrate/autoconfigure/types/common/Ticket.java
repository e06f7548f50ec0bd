package dev.migrate.autoconfigure.types.common;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Enums (STRING and ORDINAL), a UUID, a JSON column, an array and a comment, as Hibernate 7 maps them. */
@Entity
@Table(name = "tickets")
public class Ticket {

	/** Declared out of alphabetical order: Hibernate's ENUM(...) sorts the labels, its check does not. */
	public enum Status {
		OPEN, CLOSED, ARCHIVED
	}

	public enum Priority {
		LOW, MEDIUM, HIGH
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status status;

	@Enumerated
	private Priority priority;

	private UUID token;

	@JdbcTypeCode(SqlTypes.JSON)
	private String payload;

	private String[] tags;

	@Comment("who reported it")
	private String reporter;

	protected Ticket() {
	}

	public Ticket(Status status, Priority priority, UUID token, String payload, String[] tags, String reporter) {
		this.status = status;
		this.priority = priority;
		this.token = token;
		this.payload = payload;
		this.tags = tags;
		this.reporter = reporter;
	}

	public Long getId() {
		return this.id;
	}

}
