package dev.migrate.sample.web;

import java.net.URI;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.migrate.sample.web.ApiDtos.CompanyView;
import dev.migrate.sample.web.ApiDtos.NewCompany;
import dev.migrate.sample.web.ApiDtos.NewOrder;
import dev.migrate.sample.web.ApiDtos.NewProduct;
import dev.migrate.sample.web.ApiDtos.NewUser;
import dev.migrate.sample.web.ApiDtos.OrderView;
import dev.migrate.sample.web.ApiDtos.ProductView;
import dev.migrate.sample.web.ApiDtos.UserView;

/** The REST API: companies, users, products and orders under {@code /api}. */
@RestController
@RequestMapping("/api")
public class ShopController {

	private final ShopService shop;

	public ShopController(ShopService shop) {
		this.shop = shop;
	}

	@GetMapping("/companies")
	public List<CompanyView> companies() {
		return this.shop.companies();
	}

	@PostMapping("/companies")
	public ResponseEntity<CompanyView> createCompany(@RequestBody NewCompany request) {
		CompanyView created = this.shop.createCompany(request);
		return ResponseEntity.created(URI.create("/api/companies/" + created.id())).body(created);
	}

	@GetMapping("/users")
	public List<UserView> users() {
		return this.shop.users();
	}

	@PostMapping("/users")
	public ResponseEntity<UserView> createUser(@RequestBody NewUser request) {
		UserView created = this.shop.createUser(request);
		return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
	}

	@GetMapping("/products")
	public List<ProductView> products() {
		return this.shop.products();
	}

	@GetMapping("/products/{id}")
	public ProductView product(@PathVariable int id) {
		return this.shop.product(id);
	}

	@PostMapping("/products")
	public ResponseEntity<ProductView> createProduct(@RequestBody NewProduct request) {
		ProductView created = this.shop.createProduct(request);
		return ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created);
	}

	@GetMapping("/orders")
	public List<OrderView> orders() {
		return this.shop.orders();
	}

	@GetMapping("/orders/{id}")
	public OrderView order(@PathVariable int id) {
		return this.shop.order(id);
	}

	@PostMapping("/orders")
	public ResponseEntity<OrderView> createOrder(@RequestBody NewOrder request) {
		OrderView created = this.shop.createOrder(request);
		return ResponseEntity.created(URI.create("/api/orders/" + created.id())).body(created);
	}

	/** A unique or foreign-key constraint said no (e.g. a second product with the same sku). */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"the request conflicts with the data already stored (a unique or foreign-key constraint)"));
	}

}
