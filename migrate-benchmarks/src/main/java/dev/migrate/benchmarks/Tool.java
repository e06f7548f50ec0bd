package dev.migrate.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;

/** A migration tool under test: applies the migrations in its directory to a database, to head. */
enum Tool {

	/** Migrate: load the SQL revisions, upgrade to head (one transaction per revision). */
	MIGRATE("Migrate") {
		@Override
		void migrate(String url, Path dir) {
			Migrator.create(MigrateConfig.builder()
				.dataSource(dataSource(url))
				.locations("filesystem:" + dir.toAbsolutePath())
				.build()).upgrade("head");
		}

		@Override
		Path files(Path root, int count) {
			return RevisionFiles.migrate(root, count);
		}
	},

	/** Flyway: configure, load, migrate (one transaction per migration). */
	FLYWAY("Flyway") {
		@Override
		void migrate(String url, Path dir) {
			Flyway.configure()
				.dataSource(dataSource(url))
				.locations("filesystem:" + dir.toAbsolutePath())
				.load()
				.migrate();
		}

		@Override
		Path files(Path root, int count) {
			return RevisionFiles.flyway(root, count);
		}
	},

	/** Liquibase: parse the changelog, update (one transaction per changeset). */
	LIQUIBASE("Liquibase") {
		@Override
		@SuppressWarnings("deprecation")
		void migrate(String url, Path dir) {
			try (Connection connection = DriverManager.getConnection(url)) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				try (Liquibase liquibase = new Liquibase("changelog.sql", new DirectoryResourceAccessor(dir),
						database)) {
					liquibase.update(new Contexts(), new LabelExpression());
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("Liquibase failed", ex);
			}
		}

		@Override
		Path files(Path root, int count) {
			return RevisionFiles.liquibase(root, count);
		}
	},

	/**
	 * The floor: plain JDBC running the same statements in the same transaction pattern as Migrate
	 * (per migration: DDL and version-row update, commit), or, at head, reading the version row.
	 */
	RAW_JDBC("raw JDBC") {
		@Override
		void migrate(String url, Path dir) {
			int count = Integer.parseInt(dir.getFileName().toString().replaceAll("\\D", ""));
			try (Connection c = DriverManager.getConnection(url)) {
				c.setAutoCommit(false);
				String current = null;
				try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version_num FROM raw_version")) {
					current = rs.next() ? rs.getString(1) : null;
				}
				catch (SQLException ex) {
					// empty database: no version table yet
					c.rollback();
					try (Statement s = c.createStatement()) {
						s.execute("CREATE TABLE raw_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
					}
				}
				c.commit();
				if (current != null && current.equals(RevisionFiles.revisionId(count))) {
					return; // at head: connect and read one row
				}
				for (int i = 1; i <= count; i++) {
					try (Statement s = c.createStatement()) {
						s.execute(RevisionFiles.createTable(i));
					}
					String sql = (i == 1) ? "INSERT INTO raw_version (version_num) VALUES (?)"
							: "UPDATE raw_version SET version_num = ?";
					try (PreparedStatement p = c.prepareStatement(sql)) {
						p.setString(1, RevisionFiles.revisionId(i));
						p.executeUpdate();
					}
					c.commit();
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("raw JDBC failed", ex);
			}
		}

		@Override
		Path files(Path root, int count) {
			// the statements are generated in code; the directory only carries the count
			return root.resolve("raw-" + count);
		}
	};

	private final String label;

	Tool(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/** Applies the migrations of {@code dir} to the database at {@code url} (user and password in the URL). */
	abstract void migrate(String url, Path dir);

	/** Writes this tool's {@code count} migrations under {@code root}; returns their directory. */
	abstract Path files(Path root, int count);

	static DataSource dataSource(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		return dataSource;
	}

}
