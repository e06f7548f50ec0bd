package dev.migrate.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrate.sample.SampleApp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample service end to end on a real PostgreSQL (a container when Docker is available, the
 * embedded server otherwise): boot from an empty database, the API over HTTP, the migrations
 * endpoint, validate mode against a database behind the code, and the drift check per profile.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleServiceEndToEndTests {

	@Test
	void bootsAnEmptyDatabaseToHeadAndServesTheApi(CapturedOutput output) {
		SamplePostgres.Database db = SamplePostgres.fresh();
		assertThat(SampleMigrations.tables(db)).isEmpty();
		try (SampleApp app = SampleApp.start(db, null)) {
			assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.HEAD);
			// the log shows each revision applied, with its time
			for (String revision : SampleMigrations.migrator(db).history(null).stream().map((r) -> r.id()).toList()) {
				assertThat(output.getOut()).containsPattern("applied upgrade .*\\(" + revision + "\\) in \\d+ ms");
			}

			Response company = app.post("/api/companies", Map.of("name", "Acme"));
			assertThat(company.status()).isEqualTo(201);
			int companyId = company.body().get("id").asInt();

			Response user = app.post("/api/users", Map.of("fullName", "Ada Lovelace", "email", "Ada@Example.COM"));
			assertThat(user.status()).isEqualTo(201);
			assertThat(user.body().get("email").asString()).isEqualTo("ada@example.com");
			assertThat(user.body().get("status").asString()).isEqualTo("active");
			int userId = user.body().get("id").asInt();

			Response product = app.post("/api/products",
					Map.of("name", "Widget", "sku", "W-1", "price", new BigDecimal("9.99"), "companyId", companyId));
			assertThat(product.status()).isEqualTo(201);
			int productId = product.body().get("id").asInt();
			// created_at comes from the column's server default, now()
			assertThat(product.body().get("createdAt").isNull()).isFalse();

			Response sameSku = app.post("/api/products",
					Map.of("name", "Other", "sku", "W-1", "price", new BigDecimal("1.00"), "companyId", companyId));
			assertThat(sameSku.status()).as("the unique constraint on products.sku").isEqualTo(409);

			Response fetched = app.get("/api/products/" + productId);
			assertThat(fetched.status()).isEqualTo(200);
			assertThat(fetched.body().get("sku").asString()).isEqualTo("W-1");
			assertThat(app.get("/api/products").body().size()).isEqualTo(1);
			assertThat(app.get("/api/products/999999").status()).isEqualTo(404);

			Response order = app.post("/api/orders",
					Map.of("userId", userId, "items", List.of(Map.of("productId", productId, "quantity", 3))));
			assertThat(order.status()).isEqualTo(201);
			int orderId = order.body().get("id").asInt();
			assertThat(order.body().get("total").decimalValue()).isEqualByComparingTo("29.97");
			Response fetchedOrder = app.get("/api/orders/" + orderId);
			assertThat(fetchedOrder.status()).isEqualTo(200);
			assertThat(fetchedOrder.body().get("userId").asInt()).isEqualTo(userId);
			assertThat(fetchedOrder.body().get("items").size()).isEqualTo(1);
			assertThat(app.get("/api/orders").body().size()).isEqualTo(1);
			assertThat(app.post("/api/orders", Map.of("items", List.of(Map.of("productId", 424242)))).status())
				.isEqualTo(400);

			Response migrations = app.get("/actuator/migrations");
			assertThat(migrations.status()).isEqualTo(200);
			JsonNode state = SampleApp.findObjectWith(migrations.body(), "current", "heads");
			assertThat(state).as("migrations endpoint: %s", migrations.body()).isNotNull();
			assertThat(SampleApp.texts(state.get("current"))).containsExactly(SampleMigrations.HEAD);
			assertThat(SampleApp.texts(state.get("current"))).isEqualTo(SampleApp.texts(state.get("heads")));
			assertThat(state.get("upToDate").asBoolean()).isTrue();
			assertThat(state.get("pending").size()).isZero();

			Response health = app.get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
		}
	}

	@Test
	void aSecondBootOnADatabaseAtHeadAppliesNothing(CapturedOutput output) {
		SamplePostgres.Database db = SamplePostgres.fresh();
		try (SampleApp app = SampleApp.start(db, null)) {
			assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.HEAD);
		}
		assertThat(output.getOut()).contains("applied upgrade");
		int firstBoot = output.getOut().length();
		try (SampleApp app = SampleApp.start(db, null)) {
			assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.HEAD);
		}
		String secondBoot = output.getOut().substring(firstBoot);
		assertThat(secondBoot).doesNotContain("applied upgrade");
		assertThat(secondBoot).contains("Database is at head (" + SampleMigrations.HEAD + "), nothing to do");
	}

	@Test
	void validateModeRefusesADatabaseBehindTheCodeAndNamesThePendingRevision() {
		SamplePostgres.Database db = SamplePostgres.fresh();
		SampleMigrations.migrator(db).upgrade("head");
		// the guide's "alembic downgrade -1", with the migrate command line
		SampleMigrations.CliResult down = SampleMigrations.cli(db, "downgrade", "-1");
		assertThat(down.exitCode()).as(down.err()).isZero();
		assertThat(down.out()).contains(SampleMigrations.HEAD);
		assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.MERGE);
		SampleMigrations.CliResult check = SampleMigrations.cli(db, "check");
		assertThat(check.exitCode()).as("migrate check on a database behind the code").isEqualTo(1);

		Throwable failure = SampleApp.startFailure(db, null, "--migrate.mode=validate");
		assertThat(SampleApp.messages(failure)).contains(SampleMigrations.HEAD);
		assertThat(SampleMigrations.versionRows(db)).as("validate changes nothing")
			.containsExactly(SampleMigrations.MERGE);

		try (SampleApp app = SampleApp.start(db, null)) {
			assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.HEAD);
		}
		try (SampleApp app = SampleApp.start(db, null, "--migrate.mode=validate")) {
			assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.HEAD);
		}
	}

	@Test
	void aColumnAlteredByHandFailsAProductionBootAndOnlyWarnsInDev(CapturedOutput output) {
		SamplePostgres.Database db = SamplePostgres.fresh();
		SampleMigrations.migrator(db).upgrade("head");
		try (SampleApp app = SampleApp.start(db, "production")) {
			assertThat(app.get("/actuator/migrations").status()).isEqualTo(200);
		}

		db.execute("ALTER TABLE users ALTER COLUMN phone SET NOT NULL");

		Throwable failure = SampleApp.startFailure(db, "production");
		assertThat(SampleApp.messages(failure)).contains("phone");

		int before = output.getOut().length();
		try (SampleApp app = SampleApp.start(db, "dev")) {
			assertThat(app.get("/api/products").status()).isEqualTo(200);
		}
		String devBoot = output.getOut().substring(before);
		assertThat(devBoot).contains("WARN").contains("users").contains("phone");
	}

	@Test
	void aTypeChangedByHandFailsAProductionBoot() {
		SamplePostgres.Database db = SamplePostgres.fresh();
		SampleMigrations.migrator(db).upgrade("head");
		db.execute("ALTER TABLE products ALTER COLUMN sku TYPE VARCHAR(80)");

		Throwable failure = SampleApp.startFailure(db, "production");
		assertThat(SampleApp.messages(failure)).contains("sku");
	}

}
