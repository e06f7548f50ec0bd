package dev.migrate.autogenerate.shop.v2;

import dev.migrate.autogenerate.shop.v1.Address;
import dev.migrate.autogenerate.shop.v1.Audited;
import dev.migrate.autogenerate.shop.v1.Company;
import dev.migrate.autogenerate.shop.v1.Status;
import dev.migrate.model.ServerDefault;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** v1 plus a phone column and a different default for status. */
@Entity
@Table(name = "users", indexes = @Index(name = "ix_users_email", columnList = "email", unique = true))
public class User extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false)
	String email;

	String fullName;

	@Enumerated(EnumType.STRING)
	@Column(length = 20, nullable = false)
	@ServerDefault("'pending'")
	Status status;

	@ManyToOne(optional = false)
	Company company;

	@Embedded
	Address address;

	@Column(length = 20)
	String phone;

}
