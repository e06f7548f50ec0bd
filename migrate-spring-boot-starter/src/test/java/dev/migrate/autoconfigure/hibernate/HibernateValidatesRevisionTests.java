package dev.migrate.autoconfigure.hibernate;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.OnlineMigrationContext;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What autogenerate creates for entities with Hibernate's {@code @Comment} and sequence-generated ids is what
 * Hibernate 7 itself validates ({@code hbm2ddl.auto=validate}) and uses: the sequences of the ids, with their
 * allocation sizes, and the comments.
 */
class HibernateValidatesRevisionTests {

	static final SchemaSnapshot MODELS = Models.fromClasses(List.of(Kennel.class, Stay.class));

	@Test
	void theRevisionOfTheModelsIsWhatHibernateValidates() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		Dialect dialect = DialectResolver.byName("postgresql");
		SchemaDiff diff = Autogenerate.compare(db.dataSource(), dialect, null, MODELS, CompareOptions.strict(), Set.of());
		assertThat(diff.report()).contains("added sequence kennels_id_seq (start 1, increment 10)",
				"added sequence stays_seq (start 1, increment 50)");
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect, Map.of(), null));
			diff.upgradeOps().forEach(op::invoke);
		}
		assertThat(Autogenerate.compare(db.dataSource(), dialect, null, MODELS, CompareOptions.strict(), Set.of())
			.differences()).isEmpty();
		try (SessionFactory factory = hibernate(db); var session = factory.openSession()) {
			var tx = session.beginTransaction();
			Kennel kennel = new Kennel();
			kennel.address = "1 Main St";
			session.persist(kennel);
			session.persist(new Stay());
			tx.commit();
			assertThat(kennel.id).isNotNull();
		}
		try (Connection c = db.connect(); var st = c.createStatement();
				var rs = st.executeQuery("SELECT obj_description('kennels'::regclass, 'pg_class'),"
						+ " col_description('kennels'::regclass, 2)")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("where pets stay");
			assertThat(rs.getString(2)).isEqualTo("street address");
		}

		// without the sequence Hibernate refuses the schema: the revision's sequences are needed
		try (Connection c = db.connect(); var st = c.createStatement()) {
			st.execute("DROP SEQUENCE stays_seq");
		}
		assertThatThrownBy(() -> hibernate(db).close()).hasStackTraceContaining("missing sequence [stays_SEQ]");
	}

	private static SessionFactory hibernate(TestDatabase db) {
		Configuration configuration = new Configuration().addAnnotatedClass(Kennel.class).addAnnotatedClass(Stay.class);
		configuration.setProperty("hibernate.connection.url", db.url());
		configuration.setProperty("hibernate.connection.username", db.user());
		if (db.password() != null && !db.password().isEmpty()) {
			configuration.setProperty("hibernate.connection.password", db.password());
		}
		configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
		return configuration.buildSessionFactory();
	}

}
