package dev.migrate.sample.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Generated;

import dev.migrate.model.ServerDefault;

/** The guide's {@code products} table, column for column. */
@Entity
@Table(name = "products", uniqueConstraints = @UniqueConstraint(columnNames = "sku"),
		indexes = @Index(name = "ix_products_sku", columnList = "sku"))
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "id", nullable = false)
	private Integer id;

	@Column(name = "name", length = 255, nullable = false)
	private String name;

	@Column(name = "sku", length = 50, nullable = false)
	private String sku;

	@Column(name = "price", precision = 10, scale = 2, nullable = false)
	private BigDecimal price;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "company_id", nullable = false)
	private Company company;

	/** Set by the database ({@code server_default=now()}). */
	@Generated
	@ServerDefault("now()")
	@Column(name = "created_at", insertable = false, updatable = false)
	private LocalDateTime createdAt;

	@Column(name = "updated_at")
	private LocalDateTime updatedAt;

	protected Product() {
	}

	public Product(String name, String sku, BigDecimal price, Company company) {
		this.name = name;
		this.sku = sku;
		this.price = price;
		this.company = company;
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getSku() {
		return this.sku;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public Company getCompany() {
		return this.company;
	}

	public LocalDateTime getCreatedAt() {
		return this.createdAt;
	}

	public LocalDateTime getUpdatedAt() {
		return this.updatedAt;
	}

}
