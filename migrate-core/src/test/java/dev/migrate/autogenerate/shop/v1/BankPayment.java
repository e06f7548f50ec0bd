package dev.migrate.autogenerate.shop.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class BankPayment extends Payment {

	@Column(length = 34)
	String iban;

}
