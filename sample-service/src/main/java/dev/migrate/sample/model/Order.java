package dev.migrate.sample.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import dev.migrate.model.ServerDefault;

/** An order (table {@code orders}) placed by a user, with its items. */
@Entity
@Table(name = "orders", indexes = @Index(name = "ix_orders_user_id", columnList = "user_id"))
public class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "id", nullable = false)
	private Integer id;

	/** Set by the database ({@code DEFAULT now()}). */
	@Generated
	@ServerDefault("now()")
	@Column(name = "created_at", nullable = false, insertable = false, updatable = false)
	private LocalDateTime createdAt;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = "fk_orders_user_id"))
	private User user;

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<OrderItem> items = new ArrayList<>();

	protected Order() {
	}

	public Order(User user) {
		this.user = user;
	}

	public void addItem(Product product, int quantity) {
		this.items.add(new OrderItem(this, product, quantity, product.getPrice()));
	}

	public Integer getId() {
		return this.id;
	}

	public LocalDateTime getCreatedAt() {
		return this.createdAt;
	}

	public User getUser() {
		return this.user;
	}

	public List<OrderItem> getItems() {
		return this.items;
	}

}
