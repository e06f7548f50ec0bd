package dev.migrate.model;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.migrate.ConfigurationException;
import dev.migrate.autogenerate.shop.v1.Company;
import dev.migrate.autogenerate.shop.v1.Product;
import dev.migrate.model.dsl.BillingSchema;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelsTest {

	private static final String SHOP = "dev.migrate.autogenerate.shop.v1";

	@Test
	void entitiesInAPackageBecomeTablesWithHibernateDefaults() {
		SchemaSnapshot models = Models.fromPackages(getClass().getClassLoader(), List.of(SHOP));
		assertThat(models.tables()).extracting(Table::name)
			.containsExactlyInAnyOrder("companies", "users", "products", "orders", "order_items", "payments");
		Table users = models.table("users").orElseThrow();
		assertThat(users.columns()).extracting(Column::name)
			.containsExactly("id", "created_at", "email", "full_name", "status", "company_id", "street", "city",
					"postal_code");
		// @GeneratedValue(strategy = IDENTITY): an identity column, as Hibernate 7 creates it
		assertThat(col(users, "id")).isEqualTo(new Column("id", ColumnType.BIGINT, false, null, true, true, null, true));
		assertThat(col(users, "created_at"))
			.isEqualTo(new Column("created_at", ColumnType.TIMESTAMP, false, "CURRENT_TIMESTAMP", false, false, null));
		assertThat(col(users, "email").type()).isEqualTo(ColumnType.string(255));
		assertThat(col(users, "email").nullable()).isFalse();
		assertThat(col(users, "full_name").nullable()).isTrue();
		// @Enumerated(STRING): ENUM(...) where the database has it (labels sorted, as Hibernate 7 lists them),
		// VARCHAR(length) elsewhere, with Hibernate's check (labels in declaration order)
		assertThat(col(users, "status")).isEqualTo(Column.of("status", ColumnType.enumOf(20, "ACTIVE", "PENDING", "SUSPENDED"))
			.notNull().serverDefault("'active'"));
		assertThat(users.checkConstraints())
			.containsExactly(new dev.migrate.schema.CheckConstraint(null, "status in ('PENDING','ACTIVE','SUSPENDED')"));
		assertThat(col(users, "company_id")).isEqualTo(Column.of("company_id", ColumnType.BIGINT).notNull());
		assertThat(col(users, "city").type()).isEqualTo(ColumnType.string(100));
		assertThat(col(users, "postal_code").type()).isEqualTo(ColumnType.string(10));
		assertThat(users.primaryKey().columns()).containsExactly("id");
		assertThat(users.foreignKeys()).singleElement().satisfies((fk) -> {
			assertThat(fk.columns()).containsExactly("company_id");
			assertThat(fk.referredTable()).isEqualTo("companies");
			assertThat(fk.referredColumns()).containsExactly("id");
		});
		assertThat(users.indexes()).containsExactly(new Index("ix_users_email", "users", List.of("email"), true, null, false));

		Table products = models.table("products").orElseThrow();
		assertThat(col(products, "price").type()).isEqualTo(ColumnType.numeric(10, 2));
		assertThat(col(products, "active")).isEqualTo(Column.of("active", ColumnType.BOOLEAN).notNull());
		assertThat(col(products, "description").type()).isEqualTo(ColumnType.TEXT);
		assertThat(col(products, "version")).isEqualTo(Column.of("version", ColumnType.INTEGER).notNull());
		assertThat(col(products, "category")).isEqualTo(Column.of("category", ColumnType.SMALLINT));
		// @Enumerated (ORDINAL): Hibernate 7's range check
		assertThat(products.checkConstraints())
			.containsExactly(new dev.migrate.schema.CheckConstraint(null, "category between 0 and 2"));
		assertThat(products.uniqueConstraints()).containsExactly(new UniqueConstraint("uq_products_sku", List.of("sku")));

		Table companies = models.table("companies").orElseThrow();
		assertThat(companies.uniqueConstraints()).extracting(UniqueConstraint::columns).containsExactly(List.of("name"));

		Table orders = models.table("orders").orElseThrow();
		assertThat(col(orders, "placed_at").type()).isEqualTo(ColumnType.TIMESTAMPTZ);
		assertThat(col(orders, "reference").type()).isEqualTo(ColumnType.UUID);
		assertThat(col(orders, "user_id").nullable()).isFalse();
		assertThat(orders.indexes()).extracting(Index::columns).containsExactly(List.of("placed_at"));

		Table items = models.table("order_items").orElseThrow();
		assertThat(col(items, "order_id").type()).isEqualTo(ColumnType.BIGINT);
		assertThat(col(items, "quantity")).isEqualTo(Column.of("quantity", ColumnType.INTEGER).notNull());
		assertThat(items.foreignKeys()).extracting(ForeignKey::referredTable).containsExactly("orders");
	}

	@Test
	void singleTableInheritanceAddsDiscriminatorAndNullableSubclassColumns() {
		Table payments = Models.fromPackages(getClass().getClassLoader(), List.of(SHOP)).table("payments").orElseThrow();
		assertThat(payments.columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("id", "amount", "dtype", "last4", "iban");
		assertThat(col(payments, "dtype")).isEqualTo(Column.of("dtype", ColumnType.string(31)).notNull());
		assertThat(col(payments, "last4").nullable()).as("subclass column in a single table").isTrue();
		assertThat(col(payments, "amount").nullable()).isFalse();
	}

	@Test
	void namingFollowsHibernateCamelCaseToUnderscores() {
		assertThat(HibernateNaming.physical("OrderItem")).isEqualTo("order_item");
		assertThat(HibernateNaming.physical("placedAt")).isEqualTo("placed_at");
		assertThat(HibernateNaming.physical("addressLine1")).isEqualTo("address_line1");
		assertThat(HibernateNaming.physical("HTTPServer")).isEqualTo("httpserver");
		assertThat(HibernateNaming.physical("customer.name")).isEqualTo("customer_name");
		assertThat(HibernateNaming.physical("`MixedCase`")).isEqualTo("MixedCase");
	}

	@Test
	void schemaDefinitionsAreFoundAndBuilt() {
		SchemaSnapshot models = Models.fromPackages(getClass().getClassLoader(), List.of("dev.migrate.model.dsl"));
		assertThat(models.tables()).extracting(Table::name).containsExactly("customers", "invoices");
		Table invoices = models.table("invoices").orElseThrow();
		assertThat(col(invoices, "amount").serverDefault()).isEqualTo("0");
		assertThat(col(invoices, "id").isPrimaryKey()).isTrue();
		assertThat(invoices.indexes()).extracting(Index::name).containsExactly("ix_invoices_customer_id");
		assertThat(invoices.foreignKeys()).extracting(ForeignKey::referredTable).containsExactly("customers");
	}

	@Test
	void entitiesAndDefinitionsMix() {
		SchemaSnapshot models = Models.fromClasses(List.of(Company.class, BillingSchema.class));
		assertThat(models.tables()).extracting(Table::name).containsExactly("companies", "customers", "invoices");
	}

	@Test
	void aTableDefinedTwiceNamesBothSources() {
		SchemaDefinition again = (s) -> s.table("companies", Column.of("id", ColumnType.INTEGER));
		assertThatThrownBy(() -> Models.fromClasses(List.of(Company.class, DuplicateCompanies.class)))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("'companies'")
			.hasMessageContaining(DuplicateCompanies.class.getName());
		assertThat(again).isNotNull();
	}

	@Test
	void badInputIsNamed() {
		assertThatThrownBy(() -> Models.fromClasses(List.of(String.class)))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("java.lang.String");
		assertThatThrownBy(() -> Models.fromClasses(List.of(Unmappable.class)))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining(Unmappable.class.getName() + ".thread");
		assertThatThrownBy(() -> Models.fromClasses(List.of(NoId.class)))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("no @Id");
		assertThatThrownBy(() -> Models.fromPackages(getClass().getClassLoader(), List.of("dev.migrate.nothing.here")))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("'dev.migrate.nothing.here'");
		assertThatThrownBy(() -> Models.fromClasses(List.of(IndexOnUnknown.class)))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("'ghost'");
	}

	@Test
	void entitiesAreFoundInJars(@TempDir Path dir) throws Exception {
		Path testClasses = Path.of(Product.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path jar = dir.resolve("shop.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(testClasses.resolve(SHOP.replace('.', '/')))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				out.putNextEntry(new JarEntry(testClasses.relativize(file).toString().replace('\\', '/')));
				try (OutputStream ignored = OutputStream.nullOutputStream()) {
					Files.copy(file, out);
				}
				out.closeEntry();
			}
		}
		URL core = Models.class.getProtectionDomain().getCodeSource().getLocation();
		URL jpa = Entity.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL(), core, jpa },
				ClassLoader.getPlatformClassLoader())) {
			SchemaSnapshot models = Models.fromPackages(loader, List.of(SHOP));
			assertThat(models.tables()).hasSize(6);
			assertThat(loader.loadClass(SHOP + ".Product").getClassLoader()).isSameAs(loader);
		}
		catch (IOException ex) {
			throw ex;
		}
	}

	private static Column col(Table table, String name) {
		return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()));
	}

	public static class DuplicateCompanies implements SchemaDefinition {

		@Override
		public void define(SchemaBuilder s) {
			s.table("companies", Column.of("id", ColumnType.INTEGER));
		}

	}

	@Entity
	static class Unmappable {

		@Id
		Long id;

		Thread thread;

	}

	@Entity
	static class NoId {

		@jakarta.persistence.ManyToOne
		Unmappable other;

	}

	@Entity
	@jakarta.persistence.Table(indexes = @jakarta.persistence.Index(columnList = "ghost"))
	static class IndexOnUnknown {

		@Id
		Long id;

	}

}
