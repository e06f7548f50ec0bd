package dev.migrate.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import dev.migrate.command.JdbcUrlDataSource;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;

/**
 * One cold run in a fresh JVM, for {@link ColdStart}: Migrate or the raw-JDBC floor applies the SQL
 * revisions of a directory to head (or finds it at head), in one of the two transaction modes, and
 * prints {@code main-ns=<nanoseconds from the first line of main() to the end>} on stdout.
 * Arguments: {@code MIGRATE|RAW}, {@code per-revision|one}, JDBC URL, directory.
 */
public final class ColdMain {

	private ColdMain() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		Quiet.apply();
		boolean perRevision = args[1].equals("per-revision");
		String url = args[2];
		Path dir = Path.of(args[3]);
		if (args[0].equals("MIGRATE")) {
			Migrator.create(MigrateConfig.builder()
				.dataSource(new JdbcUrlDataSource(url))
				.locations("filesystem:" + dir.toAbsolutePath())
				.transactionPerMigration(perRevision)
				.build()).upgrade("head");
		}
		else {
			raw(url, dir, perRevision);
		}
		System.out.println("main-ns=" + (System.nanoTime() - start));
		System.out.flush();
	}

	/**
	 * The floor: plain JDBC, the revision files read from disk (the upgrade section of each, in file
	 * order, which is revision order here), the same version table, statements and version-row
	 * writes as Migrate, in the same transaction pattern; at head it reads the one version row.
	 */
	static void raw(String url, Path dir, boolean perRevision) throws SQLException, IOException {
		String[] names = new File(dir.toString()).list();
		Arrays.sort(names);
		try (Connection c = DriverManager.getConnection(url)) {
			String current = null;
			boolean exists = true;
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
				current = rs.next() ? rs.getString(1) : null;
			}
			catch (SQLException ex) {
				exists = false;
			}
			String head = id(names[names.length - 1]);
			if (head.equals(current)) {
				return;
			}
			if (!exists) {
				try (Statement s = c.createStatement()) {
					s.execute("CREATE TABLE migrate_version (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num)\n)");
				}
			}
			c.setAutoCommit(false);
			String previous = current;
			for (String name : names) {
				String id = id(name);
				String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
				int up = text.indexOf("-- migrate:upgrade\n") + "-- migrate:upgrade\n".length();
				int down = text.indexOf("-- migrate:downgrade");
				String ddl = text.substring(up, down).strip();
				if (ddl.endsWith(";")) {
					ddl = ddl.substring(0, ddl.length() - 1);
				}
				try (Statement s = c.createStatement()) {
					s.execute(ddl);
				}
				if (previous == null) {
					try (PreparedStatement p = c.prepareStatement("INSERT INTO migrate_version (version_num) VALUES (?)")) {
						p.setString(1, id);
						p.executeUpdate();
					}
				}
				else {
					try (PreparedStatement p = c.prepareStatement("UPDATE migrate_version SET version_num = ? WHERE version_num = ?")) {
						p.setString(1, id);
						p.setString(2, previous);
						if (p.executeUpdate() != 1) {
							throw new IllegalStateException("version row not found: " + previous);
						}
					}
				}
				previous = id;
				if (perRevision) {
					c.commit();
				}
			}
			c.commit();
		}
	}

	private static String id(String fileName) {
		int underscore = fileName.indexOf('_');
		if (underscore < 0) {
			throw new UncheckedIOException(new IOException("not a revision file: " + fileName));
		}
		return fileName.substring(0, underscore);
	}

}
