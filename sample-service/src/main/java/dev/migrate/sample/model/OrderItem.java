package dev.migrate.sample.model;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A line of an order (table {@code order_items}); deleting the order deletes its items (ON DELETE
 * CASCADE). The cascade is written in JPA's own {@code foreignKeyDefinition}, which Migrate's model
 * reader understands without Hibernate on the class path (as with {@code bin/migrate check});
 * Hibernate's {@code @OnDelete} tells the ORM the database does it.
 */
@Entity
@Table(name = "order_items")
public class OrderItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "id", nullable = false)
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "order_id", nullable = false, foreignKey = @ForeignKey(
			foreignKeyDefinition = "FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE"))
	@OnDelete(action = OnDeleteAction.CASCADE)
	private Order order;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "product_id", nullable = false)
	private Product product;

	@Column(name = "quantity", nullable = false)
	private int quantity = 1;

	@Column(name = "price", precision = 10, scale = 2, nullable = false)
	private BigDecimal price;

	protected OrderItem() {
	}

	OrderItem(Order order, Product product, int quantity, BigDecimal price) {
		this.order = order;
		this.product = product;
		this.quantity = quantity;
		this.price = price;
	}

	public Integer getId() {
		return this.id;
	}

	public Order getOrder() {
		return this.order;
	}

	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

}
