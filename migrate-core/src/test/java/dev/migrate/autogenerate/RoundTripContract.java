package dev.migrate.autogenerate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.CreateForeignKey;
import dev.migrate.operations.CreateTable;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The autogenerate round trip on one database: models → compare with an empty database → apply
 * the generated upgrade → compare finds nothing; change the models → exactly those changes; the
 * downgrade returns to the first models. Each dialect's test class supplies a fresh database.
 */
abstract class RoundTripContract {

	static final List<Class<?>> V1 = List.of(dev.migrate.autogenerate.shop.v1.Company.class,
			dev.migrate.autogenerate.shop.v1.User.class, dev.migrate.autogenerate.shop.v1.Product.class,
			dev.migrate.autogenerate.shop.v1.Order.class, dev.migrate.autogenerate.shop.v1.OrderItem.class,
			dev.migrate.autogenerate.shop.v1.Payment.class, dev.migrate.autogenerate.shop.v1.CardPayment.class,
			dev.migrate.autogenerate.shop.v1.BankPayment.class);

	/** V1 with: users.phone added, users.status default changed, products.price widened, ix_orders_placed_at dropped, order_items.product_id made a foreign key. */
	static final List<Class<?>> V2 = List.of(dev.migrate.autogenerate.shop.v1.Company.class,
			dev.migrate.autogenerate.shop.v2.User.class, dev.migrate.autogenerate.shop.v2.Product.class,
			dev.migrate.autogenerate.shop.v2.Order.class, dev.migrate.autogenerate.shop.v2.OrderItem.class,
			dev.migrate.autogenerate.shop.v1.Payment.class, dev.migrate.autogenerate.shop.v1.CardPayment.class,
			dev.migrate.autogenerate.shop.v1.BankPayment.class);

	static final Set<String> IGNORED = Set.of("migrate_version");

	abstract TestDatabase freshDatabase();

	abstract String dialectName();

	Dialect dialect() {
		return DialectResolver.byName(dialectName());
	}

	@Test
	void roundTrip() {
		TestDatabase db = freshDatabase();
		SchemaSnapshot v1 = Models.fromClasses(V1);
		SchemaSnapshot v2 = Models.fromClasses(V2);

		SchemaDiff first = compare(db, v1, CompareOptions.strict());
		assertThat(first.report()).containsExactlyInAnyOrder("added table companies", "added table users",
				"added table products", "added table orders", "added table order_items", "added table payments");
		assertThat(first.upgradeOps()).hasSize(6).allMatch((op) -> op instanceof CreateTable);
		// referred tables are created first
		assertThat(tableOrder(first)).containsSubsequence("companies", "users", "orders", "order_items");
		apply(db, first.upgradeOps());
		assertThat(compare(db, v1, CompareOptions.strict()).report()).isEmpty();

		SchemaDiff second = compare(db, v2, CompareOptions.strict());
		assertThat(second.report()).hasSize(4);
		assertThat(second.report()).contains("added column users.phone VARCHAR(20)",
				"type of products.price: NUMERIC(10, 2) in database, NUMERIC(12, 2) in models",
				"added foreign key fk_order_items_product on order_items (product_id) -> products (id)");
		// drift-extras: report (the default): the index the models no longer declare is reported, not dropped
		assertThat(second.extras()).containsExactly("index ix_orders_placed_at on orders (placed_at) in the database only");
		assertThat(second.report()).filteredOn((l) -> l.startsWith("server default of users.status: "))
			.singleElement()
			.satisfies((l) -> assertThat(l).containsIgnoringCase("active").endsWith(" in database, 'pending' in models"));
		assertThat(operationKinds(second.upgradeOps())).containsExactlyInAnyOrderElementsOf(expectedKinds());
		apply(db, second.upgradeOps());
		assertThat(compare(db, v2, CompareOptions.strict()).report()).isEmpty();
		assertThat(compare(db, v2, CompareOptions.strict()).extras()).isEqualTo(second.extras());
		SchemaDiff failing = compare(db, v2, CompareOptions.strict().withDriftExtras(DriftExtras.FAIL));
		assertThat(failing.report()).containsExactly("removed index ix_orders_placed_at on orders (placed_at)");
		assertThat(operationKinds(failing.upgradeOps())).containsExactly(DropIndex.class.getSimpleName());
		assertThat(compare(db, v2, CompareOptions.strict().withDriftExtras(DriftExtras.IGNORE)).differences()).isEmpty();
		apply(db, failing.upgradeOps());
		assertThat(compare(db, v2, CompareOptions.strict()).differences()).isEmpty();
		apply(db, failing.downgradeOps());

		apply(db, second.downgradeOps());
		assertThat(compare(db, v1, CompareOptions.strict()).report()).isEmpty();
		apply(db, first.downgradeOps());
		assertThat(compare(db, v1, CompareOptions.strict()).report()).hasSize(6)
			.allMatch((l) -> l.startsWith("added table "));
	}

	/** The operation kinds of the v1 → v2 upgrade. */
	List<String> expectedKinds() {
		return List.of(AddColumn.class.getSimpleName(), AlterColumn.class.getSimpleName(),
				AlterColumn.class.getSimpleName(), CreateForeignKey.class.getSimpleName());
	}

	@Test
	void compareTypeAndCompareServerDefaultEachChangeTheResult() {
		TestDatabase db = freshDatabase();
		apply(db, compare(db, Models.fromClasses(V1), CompareOptions.strict()).upgradeOps());
		SchemaSnapshot v2 = Models.fromClasses(V2);
		String typeLine = "type of products.price: NUMERIC(10, 2) in database, NUMERIC(12, 2) in models";

		List<String> neither = compare(db, v2, new CompareOptions(false, false, Set.of(), Set.of())).report();
		List<String> typeOnly = compare(db, v2, new CompareOptions(true, false, Set.of(), Set.of())).report();
		List<String> defaultOnly = compare(db, v2, new CompareOptions(false, true, Set.of(), Set.of())).report();

		assertThat(neither).hasSize(2).doesNotContain(typeLine).noneMatch((l) -> l.startsWith("server default"));
		assertThat(typeOnly).hasSize(3).contains(typeLine).noneMatch((l) -> l.startsWith("server default"));
		assertThat(defaultOnly).hasSize(3).doesNotContain(typeLine).anyMatch((l) -> l.startsWith("server default of users.status"));
	}

	@Test
	void filtersAndIgnoredTablesAreNeverReported() throws SQLException {
		TestDatabase db = freshDatabase();
		execute(db, "CREATE TABLE migrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
		execute(db, "CREATE TABLE legacy (id INTEGER NOT NULL PRIMARY KEY)");
		SchemaSnapshot v1 = Models.fromClasses(V1);
		SchemaDiff all = compare(db, v1, CompareOptions.defaults());
		assertThat(all.extras()).containsExactly("table legacy in the database only");
		assertThat(all.report()).noneMatch((l) -> l.contains("migrate_version") || l.contains("legacy"));
		assertThat(compare(db, v1, CompareOptions.defaults().withDriftExtras(DriftExtras.FAIL)).report())
			.contains("removed table legacy").noneMatch((l) -> l.contains("migrate_version"));
		assertThat(compare(db, v1, new CompareOptions(true, false, Set.of(), Set.of("legacy", "payments"))).report())
			.hasSize(5)
			.noneMatch((l) -> l.contains("legacy") || l.contains("payments"));
		assertThat(compare(db, v1, new CompareOptions(true, false, Set.of("users"), Set.of())).report())
			.containsExactly("added table users");
	}

	@Test
	void schemaDslModelsRoundTrip() throws SQLException {
		TestDatabase db = freshDatabase();
		SchemaSnapshot models = Models.fromPackages(getClass().getClassLoader(), List.of("dev.migrate.model.dsl"));
		SchemaDiff diff = compare(db, models, CompareOptions.strict());
		assertThat(diff.report()).containsExactly("added table customers", "added table invoices");
		apply(db, diff.upgradeOps());
		assertThat(compare(db, models, CompareOptions.strict()).report()).isEmpty();
		execute(db, "ALTER TABLE invoices ADD COLUMN note VARCHAR(10)");
		SchemaDiff drift = compare(db, models, CompareOptions.strict());
		assertThat(drift.report()).containsExactly("removed column invoices.note VARCHAR(10)");
		apply(db, drift.upgradeOps());
		assertThat(compare(db, models, CompareOptions.strict()).isEmpty()).isTrue();
	}

	@Test
	void generatedJavaCompilesAndMigrates(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		SchemaSnapshot v1 = Models.fromClasses(V1);
		SchemaSnapshot v2 = Models.fromClasses(V2);
		SchemaDiff first = compare(db, v1, CompareOptions.strict());
		Migration createAll = compile(dir, "CreateAll", Autogenerate.renderJava(first));
		run(db, createAll, true);
		assertThat(compare(db, v1, CompareOptions.strict()).report()).isEmpty();

		SchemaDiff second = compare(db, v2, CompareOptions.strict());
		RenderedRevision rendered = Autogenerate.renderJava(second);
		assertThat(rendered.upgrade()).contains("op.", "\"phone\"", "string(20)", "numeric(12, 2)", "\"'pending'\"");
		Migration changes = compile(dir, "Changes", rendered);
		run(db, changes, true);
		assertThat(compare(db, v2, CompareOptions.strict()).report()).isEmpty();
		run(db, changes, false);
		assertThat(compare(db, v1, CompareOptions.strict()).report()).isEmpty();
		run(db, createAll, false);
		assertThat(compare(db, v1, CompareOptions.strict()).report()).hasSize(6);
	}

	@Test
	void generatedSqlBuildsTheModels() throws SQLException {
		TestDatabase db = freshDatabase();
		SchemaSnapshot v1 = Models.fromClasses(V1);
		RenderedRevision sql = Autogenerate.renderSql(compare(db, v1, CompareOptions.strict()), dialect());
		assertThat(sql.upgrade()).contains("CREATE TABLE").contains("order_items");
		assertThat(sql.downgrade()).contains("DROP TABLE");
		for (String statement : sql.upgrade().split(java.util.regex.Pattern.quote(dialect().statementTerminator()) + "\n")) {
			if (!statement.isBlank()) {
				execute(db, statement);
			}
		}
		assertThat(compare(db, v1, CompareOptions.strict()).report()).isEmpty();
	}

	SchemaDiff compare(TestDatabase db, SchemaSnapshot models, CompareOptions options) {
		return Autogenerate.compare(db.dataSource(), null, null, models, options, IGNORED);
	}

	void apply(TestDatabase db, List<MigrateOperation> operations) {
		OnlineOps.apply(db, dialect(), operations);
	}

	void run(TestDatabase db, Migration migration, boolean upgrade) throws SQLException {
		OnlineOps.run(db, dialect(), migration, upgrade);
	}

	static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	/** The first column of the first row of a query, as text. */
	static String query(TestDatabase db, String sql) throws SQLException {
		try (Connection c = db.connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<String> tableOrder(SchemaDiff diff) {
		return diff.upgradeOps().stream().map((op) -> ((CreateTable) op).table().name()).toList();
	}

	private static List<String> operationKinds(List<MigrateOperation> operations) {
		List<String> kinds = new ArrayList<>();
		for (MigrateOperation op : operations) {
			if (op instanceof BatchAlterTable batch) {
				kinds.addAll(operationKinds(batch.operations()));
			}
			else {
				kinds.add(op.getClass().getSimpleName());
			}
		}
		return kinds;
	}

	/** Compiles a rendered revision into a class in memory-free temp dir and instantiates it. */
	static Migration compile(Path dir, String name, RenderedRevision rendered) throws Exception {
		StringBuilder src = new StringBuilder("package generated;\n\n");
		for (String imp : rendered.imports()) {
			src.append("import ").append(imp).append(";\n");
		}
		src.append("import dev.migrate.operations.Operations;\nimport dev.migrate.script.Migration;\n\n")
			.append("public class ").append(name).append(" implements Migration {\n\n")
			.append("\tpublic void upgrade(Operations op) {\n").append(rendered.upgrade()).append("\t}\n\n")
			.append("\tpublic void downgrade(Operations op) {\n").append(rendered.downgrade()).append("\t}\n\n}\n");
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Path out = Files.createDirectories(dir.resolve("classes-" + name));
		SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///generated/" + name + ".java"),
				javax.tools.JavaFileObject.Kind.SOURCE) {
			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return src;
			}
		};
		java.io.StringWriter errors = new java.io.StringWriter();
		boolean ok = compiler.getTask(errors, null, null,
				List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path")), null, List.of(file))
			.call();
		assertThat(ok).as("generated source compiles:\n" + src + "\n" + errors).isTrue();
		java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] { out.toUri().toURL() },
				RoundTripContract.class.getClassLoader());
		return (Migration) loader.loadClass("generated." + name).getDeclaredConstructor().newInstance();
	}

}
