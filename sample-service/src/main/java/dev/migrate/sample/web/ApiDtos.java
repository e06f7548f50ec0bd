package dev.migrate.sample.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import dev.migrate.sample.model.Company;
import dev.migrate.sample.model.Order;
import dev.migrate.sample.model.OrderItem;
import dev.migrate.sample.model.Product;
import dev.migrate.sample.model.User;

/** Request and response bodies of the REST API (entities never leave the transaction). */
public final class ApiDtos {

	private ApiDtos() {
	}

	/** {@code POST /api/companies}. */
	public record NewCompany(String name) {
	}

	/** A company. */
	public record CompanyView(Integer id, String name) {

		static CompanyView of(Company company) {
			return new CompanyView(company.getId(), company.getName());
		}

	}

	/** {@code POST /api/users}. */
	public record NewUser(String fullName, String email, String phone) {
	}

	/** A user. */
	public record UserView(Integer id, String fullName, String email, String phone, String status) {

		static UserView of(User user) {
			return new UserView(user.getId(), user.getFullName(), user.getEmail(), user.getPhone(), user.getStatus());
		}

	}

	/** {@code POST /api/products}. */
	public record NewProduct(String name, String sku, BigDecimal price, Integer companyId) {
	}

	/** A product. */
	public record ProductView(Integer id, String name, String sku, BigDecimal price, Integer companyId,
			LocalDateTime createdAt) {

		static ProductView of(Product product) {
			return new ProductView(product.getId(), product.getName(), product.getSku(), product.getPrice(),
					product.getCompany().getId(), product.getCreatedAt());
		}

	}

	/** One line of {@code POST /api/orders}. */
	public record NewOrderItem(Integer productId, Integer quantity) {
	}

	/** {@code POST /api/orders}. */
	public record NewOrder(Integer userId, List<NewOrderItem> items) {
	}

	/** A line of an order. */
	public record OrderItemView(Integer id, Integer productId, int quantity, BigDecimal price) {

		static OrderItemView of(OrderItem item) {
			return new OrderItemView(item.getId(), item.getProduct().getId(), item.getQuantity(), item.getPrice());
		}

	}

	/** An order with its items and total. */
	public record OrderView(Integer id, Integer userId, LocalDateTime createdAt, List<OrderItemView> items,
			BigDecimal total) {

		static OrderView of(Order order) {
			List<OrderItemView> items = order.getItems().stream().map(OrderItemView::of).toList();
			BigDecimal total = order.getItems()
				.stream()
				.map((item) -> item.getPrice().multiply(BigDecimal.valueOf(item.getQuantity())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return new OrderView(order.getId(), (order.getUser() != null) ? order.getUser().getId() : null,
					order.getCreatedAt(), items, total);
		}

	}

}
