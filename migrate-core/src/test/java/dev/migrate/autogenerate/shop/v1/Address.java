package dev.migrate.autogenerate.shop.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	String street;

	@Column(length = 100)
	String city;

	@Column(length = 10)
	String postalCode;

}
