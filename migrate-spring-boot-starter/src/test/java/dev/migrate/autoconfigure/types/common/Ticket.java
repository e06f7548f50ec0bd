package dev.migrate.autoconfigure.types.common;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Enums (STRING and ORDINAL), a UUID, a JSON column, an array, comments, a sequence-generated id and
 * Bean Validation constraints Hibernate 7 applies to the DDL, as Hibernate 7 maps them.
 */
@Entity
@Table(name = "tickets")
@Comment("support tickets")
public class Ticket {

	/** Declared out of alphabetical order: Hibernate's ENUM(...) sorts the labels, its check does not. */
	public enum Status {
		OPEN, CLOSED, ARCHIVED
	}

	public enum Priority {
		LOW, MEDIUM, HIGH
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_ids")
	@SequenceGenerator(name = "ticket_ids", sequenceName = "ticket_ids", allocationSize = 10)
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

	@NotBlank
	@Size(max = 80)
	private String title = "untitled";

	@Min(1)
	@Max(5)
	private int severity = 3;

	@Digits(integer = 6, fraction = 2)
	private BigDecimal cost = new BigDecimal("12.50");

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

	public void setSeverity(int severity) {
		this.severity = severity;
	}

	public Long getId() {
		return this.id;
	}

}
