package dev.migrate.autoconfigure.types.maria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
 * {@link dev.migrate.autoconfigure.types.common.Ticket} on MariaDB: its UUID is a {@code uuid} column on MariaDB
 * 10.7 and later (Hibernate 7's type there; {@code BINARY(16)} before), and a UUID mapped as text is
 * {@code @JdbcTypeCode(SqlTypes.CHAR)}'s {@code CHAR(36)}.
 */
@Entity
@Table(name = "maria_tickets")
public class MariaTicket {

	public enum Status {
		OPEN, CLOSED, ARCHIVED
	}

	public enum Priority {
		LOW, MEDIUM, HIGH
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "maria_ticket_ids")
	@jakarta.persistence.SequenceGenerator(name = "maria_ticket_ids", sequenceName = "maria_ticket_ids",
			allocationSize = 10)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status status;

	@Enumerated
	private Priority priority;

	private java.util.UUID token;

	@JdbcTypeCode(SqlTypes.CHAR)
	private java.util.UUID externalId;

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
	private java.math.BigDecimal cost = new java.math.BigDecimal("12.50");

	protected MariaTicket() {
	}

	public MariaTicket(Status status, Priority priority, java.util.UUID token, String payload, String[] tags,
			String reporter) {
		this.status = status;
		this.token = token;
		this.externalId = token;
		this.priority = priority;
		this.payload = payload;
		this.tags = tags;
		this.reporter = reporter;
	}

}
