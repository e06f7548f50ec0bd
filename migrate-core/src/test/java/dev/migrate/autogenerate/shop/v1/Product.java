package dev.migrate.autogenerate.shop.v1;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

@Entity
@Table(name = "products", uniqueConstraints = @UniqueConstraint(name = "uq_products_sku", columnNames = "sku"))
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(length = 50, nullable = false)
	String sku;

	@Column(precision = 10, scale = 2, nullable = false)
	BigDecimal price;

	boolean active;

	@Lob
	String description;

	@Version
	int version;

	@Enumerated
	Category category;

}
