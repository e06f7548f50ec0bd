package dev.migrate.sample.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A user (table {@code users}) as the guide's history leaves it: {@code name} renamed to
 * {@code full_name}, {@code phone} added, {@code legacy_field} removed, {@code status} filled and
 * made NOT NULL, e-mail addresses lower-cased and unique.
 */
@Entity
@Table(name = "users", indexes = @Index(name = "ix_users_email", columnList = "email", unique = true))
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "id", nullable = false)
	private Integer id;

	@Column(name = "full_name", length = 100, nullable = false)
	private String fullName;

	@Column(name = "email", length = 255, nullable = false)
	private String email;

	@Column(name = "phone", length = 20)
	private String phone;

	@Column(name = "status", length = 20, nullable = false)
	private String status = "active";

	protected User() {
	}

	public User(String fullName, String email, String phone) {
		this.fullName = fullName;
		this.email = email;
		this.phone = phone;
	}

	public Integer getId() {
		return this.id;
	}

	public String getFullName() {
		return this.fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getStatus() {
		return this.status;
	}

}
