package dev.migrate.autogenerate.shop.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

	@Column(length = 4, nullable = false)
	String last4;

}
