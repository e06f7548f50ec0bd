package dev.migrate.autogenerate.shop.v2;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** v1 without the index on placed_at. */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "user_id")
	User user;

	Instant placedAt;

	@Column(precision = 12, scale = 2)
	BigDecimal total;

	UUID reference;

}
