package dev.migrate.dialect.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.BatchAlterTable.Recreate;
import dev.migrate.operations.JdbcContext;
import dev.migrate.operations.OfflineContext;
import dev.migrate.operations.Operations;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Table;
import dev.migrate.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.check;
import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.uniqueNamed;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite batch mode ("move and copy") keeps rows, indexes, constraints and foreign keys. */
class SqliteBatchTest {

	private JdbcContext ctx;

	private Operations op;

	@BeforeEach
	void setUp() throws SQLException {
		this.ctx = new JdbcContext(TestDatabases.freshSqlite().connect(), true);
		this.op = this.ctx.op();
		this.op.createTable("parents", column("id", INTEGER).primaryKey().autoincrement(), column("name", string(50)));
		this.op.createTable("children", column("id", INTEGER).primaryKey(), column("parent_id", INTEGER).notNull(),
				column("code", string(10)).notNull().serverDefault("'x'"), column("amount", numeric(10, 2)),
				column("legacy", TEXT), column("Note Text", TEXT),
				foreignKey("fk_children_parent", List.of("parent_id"), "parents", List.of("id"), "CASCADE", null),
				uniqueNamed("uq_children_code", "code", "parent_id"), check("ck_amount", "amount >= 0"));
		this.op.createIndex("ix_children_amount", "children", List.of("amount"), false, "amount > 10");
		this.op.createIndex("ix_children_legacy", "children", "legacy");
		this.op.execute("INSERT INTO parents (name) VALUES ('p1'), ('p2')");
		this.op.execute("INSERT INTO children (id, parent_id, code, amount, legacy, \"Note Text\") VALUES"
				+ " (1, 1, 'a', 5, 'l1', 'n1'), (2, 1, 'b', 20, 'l2', 'n2'), (3, 2, 'a', 30, NULL, 'it''s')");
		this.ctx.commit();
	}

	@AfterEach
	void tearDown() throws SQLException {
		this.ctx.close();
	}

	@Test
	void recreateKeepsRowsIndexesUniqueCheckAndForeignKeys() throws Exception {
		this.op.batchAlterTable("children", (b) -> {
			b.dropColumn("legacy");
			b.alterColumn("amount", (a) -> a.type(numeric(12, 3)).nullable(false).serverDefault("0"));
			b.alterColumn("Note Text", (a) -> a.newName("note"));
			b.addColumn(column("extra", INTEGER).notNull().serverDefault("7"));
			b.createIndex("ix_children_note", List.of("note"), true);
		});
		this.ctx.commit();
		assertThat(this.ctx.executed()).anyMatch((s) -> s.startsWith("CREATE TABLE _migrate_tmp_children"))
			.contains("DROP TABLE children", "ALTER TABLE _migrate_tmp_children RENAME TO children");

		assertThat(rows("SELECT id || ':' || parent_id || ':' || code || ':' || amount || ':' || note || ':' || extra"
				+ " FROM children ORDER BY id")).containsExactly("1:1:a:5:n1:7", "2:1:b:20:n2:7", "3:2:a:30:it's:7");
		String sql = rows("SELECT sql FROM sqlite_master WHERE name = 'children'").get(0);
		assertThat(sql).contains("CONSTRAINT fk_children_parent FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE")
			.contains("CONSTRAINT uq_children_code UNIQUE (code, parent_id)")
			.contains("CONSTRAINT ck_amount CHECK (amount >= 0)")
			.contains("amount NUMERIC(12, 3) DEFAULT 0 NOT NULL")
			.contains("code VARCHAR(10) DEFAULT 'x' NOT NULL")
			.doesNotContain("legacy")
			.doesNotContain("_migrate_tmp_");
		assertThat(rows("SELECT name || '|' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
			.containsExactly("ix_children_amount|CREATE INDEX ix_children_amount ON children (amount) WHERE amount > 10",
					"ix_children_note|CREATE UNIQUE INDEX ix_children_note ON children (note)");
		assertThat(rows("SELECT \"table\" || '.' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('children')"))
			.containsExactly("parents.id CASCADE");
		assertThat(rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
			.containsExactly("children", "parents", "sqlite_sequence");

		// the constraints are enforced on the new table
		assertThatThrownBy(() -> this.op.execute("INSERT INTO children (id, parent_id, code, amount) VALUES (9, 1, 'a', 1)"))
			.hasMessageContaining("UNIQUE");
		assertThatThrownBy(() -> this.op.execute("INSERT INTO children (id, parent_id, code, amount) VALUES (9, 1, 'z', -1)"))
			.hasMessageContaining("CHECK");
	}

	@Test
	void viewsAndTriggersOnTheRecreatedTableKeepWorking() throws Exception {
		this.op.execute("CREATE VIEW big_children AS SELECT id, amount FROM children WHERE amount > 10");
		this.op.execute("CREATE TRIGGER tr_children AFTER INSERT ON children BEGIN"
				+ " UPDATE parents SET name = 'touched' WHERE id = NEW.parent_id; END");
		this.op.batchAlterTable("children", (b) -> b.alterColumn("amount", (a) -> a.type(numeric(12, 2))));
		this.ctx.commit();
		assertThat(rows("SELECT id FROM big_children ORDER BY id")).containsExactly("2", "3");
		this.op.execute("INSERT INTO children (id, parent_id, code, amount) VALUES (4, 2, 'q', 1)");
		assertThat(rows("SELECT name FROM parents ORDER BY id")).containsExactly("p1", "touched");
		assertThat(rows("PRAGMA legacy_alter_table")).containsExactly("0");
	}

	@Test
	void constraintsAreAddedAndDroppedInBatch() throws Exception {
		this.op.batchAlterTable("children", (b) -> {
			b.dropConstraint("ck_amount");
			b.dropConstraint("fk_children_parent");
			b.createCheckConstraint("ck_code", "length(code) = 1");
			b.createForeignKey("fk_children_parent2", "parents", List.of("parent_id"), List.of("id"));
		});
		this.ctx.commit();
		String sql = rows("SELECT sql FROM sqlite_master WHERE name = 'children'").get(0);
		assertThat(sql).doesNotContain("ck_amount").doesNotContain("CONSTRAINT fk_children_parent ")
			.contains("CONSTRAINT ck_code CHECK (length(code) = 1)")
			.contains("CONSTRAINT fk_children_parent2 FOREIGN KEY (parent_id) REFERENCES parents (id)");
		assertThat(rows("SELECT count(*) FROM children")).containsExactly("3");
		assertThat(rows("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
			.containsExactly("ix_children_amount", "ix_children_legacy");
	}

	@Test
	void aTableWhoseDefinitionWasWrittenByHandIsReadBack() throws Exception {
		this.op.execute("CREATE TABLE hand (\"Id\" integer primary key, a text unique, b int"
				+ " CONSTRAINT ck_b check (b > 0) references parents(id) on delete set null, [c d] varchar(5) default 'q,(r)')");
		this.op.execute("INSERT INTO hand VALUES (1, 'one', 1, 'c')");
		this.op.batchAlterTable("hand", (b) -> b.alterColumn("b", (a) -> a.nullable(false)));
		this.ctx.commit();
		String sql = rows("SELECT sql FROM sqlite_master WHERE name = 'hand'").get(0);
		assertThat(sql).contains("\"Id\" INTEGER NOT NULL", "b INT NOT NULL", "\"c d\" varchar(5) DEFAULT 'q,(r)'",
				"PRIMARY KEY (\"Id\")", "FOREIGN KEY (b) REFERENCES parents (id) ON DELETE SET NULL", "UNIQUE (a)",
				"CONSTRAINT ck_b CHECK (b > 0)");
		assertThat(rows("SELECT \"Id\" || a || b || \"c d\" FROM hand")).containsExactly("1one1c");
	}

	@Test
	void withoutNeedTheBatchRunsPlainAlters() throws Exception {
		int before = this.ctx.executed().size();
		this.op.batchAlterTable("children", (b) -> {
			b.addColumn(column("plain", INTEGER));
			b.alterColumn("legacy", (a) -> a.newName("old_legacy"));
			b.dropIndex("ix_children_legacy");
		});
		assertThat(this.ctx.executed().subList(before, this.ctx.executed().size())).containsExactly(
				"ALTER TABLE children ADD COLUMN plain INTEGER", "ALTER TABLE children RENAME COLUMN legacy TO old_legacy",
				"DROP INDEX ix_children_legacy");
	}

	@Test
	void failedRecreateLeavesTheTableAsItWas() throws Exception {
		this.op.execute("UPDATE children SET amount = NULL WHERE id = 1");
		this.ctx.commit();
		assertThatThrownBy(() -> this.op.batchAlterTable("children",
				(b) -> b.alterColumn("amount", (a) -> a.nullable(false)))).isInstanceOf(MigrateException.class)
			.hasMessageContaining("NOT NULL");
		this.ctx.rollback();
		assertThat(rows("SELECT count(*) FROM children")).containsExactly("3");
		assertThat(rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
			.containsExactly("children", "parents", "sqlite_sequence");
	}

	@Test
	void unknownColumnOrConstraintIsAnErrorBeforeAnythingRuns() {
		int before = this.ctx.executed().size();
		assertThatThrownBy(() -> this.op.batchAlterTable("children", (b) -> b.dropColumn("nope")))
			.hasMessage("batch on children: no column named nope");
		assertThatThrownBy(() -> this.op.batchAlterTable("children", (b) -> b.dropConstraint("nope")))
			.hasMessageStartingWith("batch on children: no constraint named nope");
		assertThatThrownBy(() -> this.op.batchAlterTable("missing", (b) -> b.dropColumn("a")))
			.hasMessage("Table missing not found in the SQLite database");
		assertThat(this.ctx.executed()).hasSize(before);
	}

	@Test
	void withForeignKeysEnforcedARecreateOfAReferencedTableIsRefused() throws Exception {
		try (Statement s = this.ctx.connection().createStatement()) {
			this.ctx.commit();
			this.ctx.connection().setAutoCommit(true);
			s.execute("PRAGMA foreign_keys = ON");
			this.ctx.connection().setAutoCommit(false);
		}
		assertThatThrownBy(() -> this.op.batchAlterTable("parents", (b) -> b.dropColumn("name")))
			.isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageContaining("PRAGMA foreign_keys is ON")
			.hasMessageContaining("[children]");
		assertThat(rows("SELECT count(*) FROM children")).containsExactly("3");
	}

	@Test
	void nonBatchOperationsSqliteCannotDoSayToUseBatch() {
		assertThatThrownBy(() -> this.op.createForeignKey("fk", "children", "parents", List.of("id"), List.of("id")))
			.isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageStartingWith("No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature");
		assertThatThrownBy(() -> this.op.alterColumn("children", "amount", (a) -> a.nullable(false)))
			.hasMessageContaining("use op.batchAlterTable(\"children\"");
		assertThatThrownBy(() -> this.op.addColumn("children", column("req", INTEGER).notNull()))
			.hasMessageContaining("NOT NULL without a server default");
	}

	@Test
	void offlineRecreateNeedsCopyFrom() {
		OfflineContext offline = OfflineContext.of("sqlite");
		assertThatThrownBy(() -> offline.op().batchAlterTable("children", (b) -> b.dropColumn("legacy")))
			.isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageContaining("pass it as copyFrom");
		Table copyFrom = new Table(null, "t", List.of(Column.of("id", INTEGER).notNull(), Column.of("a", TEXT),
				Column.of("b", TEXT)), new PrimaryKey(null, List.of("id")),
				List.of(new ForeignKey("fk_a", List.of("a"), null, "other", List.of("x"), null, null)), List.of(),
				List.of(), List.of(Index.of("ix_t_b", "t", List.of("b"))), null);
		offline.op().batchAlterTable("t", Recreate.AUTO, copyFrom, (b) -> b.dropColumn("a"));
		assertThat(offline.take()).containsExactly("""
				CREATE TABLE _migrate_tmp_t (
				    id INTEGER NOT NULL,
				    b TEXT,
				    PRIMARY KEY (id)
				)""", "INSERT INTO _migrate_tmp_t (id, b) SELECT id, b FROM t", "DROP TABLE t",
				"PRAGMA legacy_alter_table = ON", "ALTER TABLE _migrate_tmp_t RENAME TO t",
				"PRAGMA legacy_alter_table = OFF", "CREATE INDEX ix_t_b ON t (b)");
	}

	private List<String> rows(String sql) throws SQLException {
		return dev.migrate.operations.AbstractGuideExamplesTest.stringsOf(this.ctx.connection(), sql);
	}

	static Connection unused() {
		return null;
	}

}
