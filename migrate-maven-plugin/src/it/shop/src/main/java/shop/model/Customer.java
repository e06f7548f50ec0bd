package shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {

	@Id
	private Long id;

	@Column(nullable = false, length = 100)
	private String name;

	// FIELDS

}
