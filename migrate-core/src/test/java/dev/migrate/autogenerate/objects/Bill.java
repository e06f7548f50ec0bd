package dev.migrate.autogenerate.objects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plain {@code @GeneratedValue} (AUTO) on a Long id: Hibernate 7 serves it from {@code bills_seq}, by 50. */
@Entity
@Table(name = "bills")
public class Bill {

	@Id
	@GeneratedValue
	private Long id;

	private java.math.BigDecimal amount;

}
