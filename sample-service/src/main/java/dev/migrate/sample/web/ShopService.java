package dev.migrate.sample.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import dev.migrate.sample.model.Company;
import dev.migrate.sample.model.Order;
import dev.migrate.sample.model.Product;
import dev.migrate.sample.model.User;
import dev.migrate.sample.repository.CompanyRepository;
import dev.migrate.sample.repository.OrderRepository;
import dev.migrate.sample.repository.ProductRepository;
import dev.migrate.sample.repository.UserRepository;
import dev.migrate.sample.web.ApiDtos.CompanyView;
import dev.migrate.sample.web.ApiDtos.NewCompany;
import dev.migrate.sample.web.ApiDtos.NewOrder;
import dev.migrate.sample.web.ApiDtos.NewOrderItem;
import dev.migrate.sample.web.ApiDtos.NewProduct;
import dev.migrate.sample.web.ApiDtos.NewUser;
import dev.migrate.sample.web.ApiDtos.OrderView;
import dev.migrate.sample.web.ApiDtos.ProductView;
import dev.migrate.sample.web.ApiDtos.UserView;

/** The API's use cases, each in one transaction. */
@Service
public class ShopService {

	private final CompanyRepository companies;

	private final UserRepository users;

	private final ProductRepository products;

	private final OrderRepository orders;

	public ShopService(CompanyRepository companies, UserRepository users, ProductRepository products,
			OrderRepository orders) {
		this.companies = companies;
		this.users = users;
		this.products = products;
		this.orders = orders;
	}

	@Transactional(readOnly = true)
	public List<CompanyView> companies() {
		return this.companies.findAll().stream().map(CompanyView::of).toList();
	}

	@Transactional
	public CompanyView createCompany(NewCompany request) {
		require(request.name() != null && !request.name().isBlank(), "name is required");
		return CompanyView.of(this.companies.save(new Company(request.name())));
	}

	@Transactional(readOnly = true)
	public List<UserView> users() {
		return this.users.findAll().stream().map(UserView::of).toList();
	}

	@Transactional
	public UserView createUser(NewUser request) {
		require(request.fullName() != null && !request.fullName().isBlank(), "fullName is required");
		require(request.email() != null && request.email().contains("@"), "a valid email is required");
		// e-mail addresses are stored lower-case (see revision d7f2b9a4e1bb)
		User user = new User(request.fullName(), request.email().toLowerCase(java.util.Locale.ROOT), request.phone());
		return UserView.of(this.users.saveAndFlush(user));
	}

	@Transactional(readOnly = true)
	public List<ProductView> products() {
		return this.products.findAll().stream().map(ProductView::of).toList();
	}

	@Transactional(readOnly = true)
	public ProductView product(int id) {
		return ProductView.of(this.products.findById(id).orElseThrow(() -> notFound("product", id)));
	}

	@Transactional
	public ProductView createProduct(NewProduct request) {
		require(request.name() != null && !request.name().isBlank(), "name is required");
		require(request.sku() != null && !request.sku().isBlank(), "sku is required");
		require(request.price() != null && request.price().signum() >= 0, "a price >= 0 is required");
		require(request.companyId() != null, "companyId is required");
		Company company = this.companies.findById(request.companyId())
			.orElseThrow(() -> badRequest("unknown company " + request.companyId()));
		Product product = this.products
			.saveAndFlush(new Product(request.name(), request.sku(), request.price(), company));
		// created_at is filled by the database (server default now()) and read back on flush
		return ProductView.of(product);
	}

	@Transactional(readOnly = true)
	public List<OrderView> orders() {
		return this.orders.findAll().stream().map(OrderView::of).toList();
	}

	@Transactional(readOnly = true)
	public OrderView order(int id) {
		return OrderView.of(this.orders.findById(id).orElseThrow(() -> notFound("order", id)));
	}

	@Transactional
	public OrderView createOrder(NewOrder request) {
		require(request.items() != null && !request.items().isEmpty(), "an order needs at least one item");
		User user = null;
		if (request.userId() != null) {
			user = this.users.findById(request.userId())
				.orElseThrow(() -> badRequest("unknown user " + request.userId()));
		}
		Order order = new Order(user);
		for (NewOrderItem item : request.items()) {
			require(item.productId() != null, "productId is required on every item");
			int quantity = (item.quantity() != null) ? item.quantity() : 1;
			require(quantity > 0, "quantity must be positive");
			Product product = this.products.findById(item.productId())
				.orElseThrow(() -> badRequest("unknown product " + item.productId()));
			order.addItem(product, quantity);
		}
		return OrderView.of(this.orders.saveAndFlush(order));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw badRequest(message);
		}
	}

	private static ResponseStatusException badRequest(String message) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
	}

	private static ResponseStatusException notFound(String what, int id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
	}

}
