package dev.migrate.command;

import java.io.StringWriter;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.script.ScriptException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ${key}} in SQL revisions: replaced from the arguments only when enabled; an unknown key fails at load. */
class PlaceholderTests {

	private static final String LOCATION = "classpath:dev/migrate/testrevs/placeholders";

	@Test
	void enabledPlaceholdersAreReplacedWithTheArguments() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		Migrator.create(MigrateConfig.builder().dataSource(ds).locations(LOCATION).placeholders(true)
			.argument("env", "staging").build()).upgrade("head");
		assertThat(DbState.query(ds, "SELECT name || '=' || val FROM settings ORDER BY name"))
			.containsExactly("env=staging", "literal=${env}");
	}

	@Test
	void placeholdersAreLeftAloneUnlessEnabled() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		Migrator.create(MigrateConfig.builder().dataSource(ds).locations(LOCATION).argument("env", "staging").build())
			.upgrade("head");
		assertThat(DbState.query(ds, "SELECT name || '=' || val FROM settings ORDER BY name"))
			.containsExactly("env=${env}", "literal=$${env}");
	}

	@Test
	void anUnknownPlaceholderFailsNamingFileLineAndKey() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		assertThatThrownBy(() -> Migrator.create(MigrateConfig.builder().dataSource(ds).locations(LOCATION)
			.placeholders(true).build()))
			.isInstanceOf(ScriptException.class)
			.hasMessage("Unknown placeholder '${env}' in classpath:dev/migrate/testrevs/placeholders/ph01_settings.sql"
					+ " line 7 (upgrade): give it a value as argument 'env' (-x env=... or migrate.arguments.env), or"
					+ " write $${env} for the text itself");
		assertThat(DbState.exists(ds, "settings")).isFalse();
	}

	@Test
	void offlineSqlShowsTheReplacedValues() {
		StringWriter out = new StringWriter();
		Migrator.create(MigrateConfig.builder().dialect(dev.migrate.dialect.DialectResolver.byName("postgresql"))
			.locations(LOCATION).placeholders(true).argument("env", "prod").build()).upgradeSql("head", out);
		assertThat(out.toString()).contains("VALUES ('env', 'prod')").contains("VALUES ('literal', '${env}')");
	}

}
