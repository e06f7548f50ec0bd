package dev.migrate.operations;

import java.util.List;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code reverse()} of every operation record, as Alembic's ops derive downgrades. */
class OperationReverseTest {

	private final Column phone = Column.of("phone", string(20));

	@Test
	void tablesAndColumnsReverseAndBackAgain() {
		Table t = Table.of(null, "t", List.of(Column.of("id", INTEGER).primaryKey()));
		assertThat(new CreateTable(t).reverse()).isEqualTo(new DropTable(null, "t", t));
		assertThat(new CreateTable(t).reverse().reverse()).isEqualTo(new CreateTable(t));
		assertThat(new RenameTable("a", "b").reverse()).isEqualTo(new RenameTable("b", "a"));
		assertThat(new AddColumn("users", this.phone).reverse()).isEqualTo(new DropColumn(null, "users", "phone", this.phone));
		assertThat(new AddColumn("users", this.phone).reverse().reverse()).isEqualTo(new AddColumn("users", this.phone));
	}

	@Test
	void dropsWithoutTheOldDefinitionAreIrreversible() {
		assertThatThrownBy(() -> new DropTable("t").reverse()).isInstanceOf(IrreversibleOperationException.class)
			.hasMessageContaining("cannot be reversed automatically");
		assertThatThrownBy(() -> new DropColumn("t", "c").reverse()).isInstanceOf(IrreversibleOperationException.class);
		assertThatThrownBy(() -> new DropIndex("ix", "t").reverse()).isInstanceOf(IrreversibleOperationException.class);
		assertThatThrownBy(() -> new DropConstraint("t", "fk", ConstraintType.FOREIGN_KEY).reverse())
			.isInstanceOf(IrreversibleOperationException.class);
		assertThatThrownBy(() -> new ExecuteSql("UPDATE t SET a = 1").reverse())
			.isInstanceOf(IrreversibleOperationException.class);
	}

	@Test
	void indexesAndConstraints() {
		Index ix = Index.of("ix_users_email", "users", List.of("email")).unique(true);
		assertThat(new CreateIndex(null, ix, true).reverse()).isEqualTo(new DropIndex(null, "users", "ix_users_email", true, ix));
		assertThat(new CreateIndex(null, ix, true).reverse().reverse()).isEqualTo(new CreateIndex(null, ix, true));
		ForeignKey fk = new ForeignKey("fk_orders_user_id", List.of("user_id"), null, "users", List.of("id"), "CASCADE", null);
		assertThat(new CreateForeignKey(null, "orders", fk).reverse().reverse()).isEqualTo(new CreateForeignKey(null, "orders", fk));
		assertThat(((DropConstraint) new CreateForeignKey(null, "orders", fk).reverse()).type()).isEqualTo(ConstraintType.FOREIGN_KEY);
		UniqueConstraint uq = new UniqueConstraint("uq", List.of("a"));
		assertThat(new CreateUniqueConstraint(null, "t", uq).reverse().reverse()).isEqualTo(new CreateUniqueConstraint(null, "t", uq));
		CheckConstraint ck = new CheckConstraint("ck", "a > 0");
		assertThat(new CreateCheckConstraint(null, "t", ck).reverse().reverse()).isEqualTo(new CreateCheckConstraint(null, "t", ck));
		assertThatThrownBy(() -> new CreateUniqueConstraint(null, "t", new UniqueConstraint(null, List.of("a"))).reverse())
			.hasMessageContaining("unnamed constraint");
		assertThat(DropConstraint.of(null, "t", ck).reverse()).isEqualTo(new CreateCheckConstraint("t", ck));
		assertThat(DropConstraint.of(null, "t", ck).type()).isEqualTo(ConstraintType.CHECK);
		assertThat(CreateTable.of("t", Ddl.column("id", INTEGER), Ddl.primaryKey("id")).table().column("id").get().nullable())
			.isFalse();
		assertThatThrownBy(() -> new DropConstraint(null, "t", "ck", ConstraintType.UNIQUE, ck))
			.hasMessage("Constraint ck is a CHECK, not a UNIQUE");
	}

	@Test
	void alterColumnReversesWhatItKnows() {
		AlterColumn rename = AlterColumn.builder(null, "users", "name").newName("full_name").build();
		assertThat(rename.reverse()).isEqualTo(AlterColumn.builder(null, "users", "full_name").newName("name").build());
		AlterColumn change = AlterColumn.builder(null, "users", "status").type(string(30)).existingType(string(20))
			.nullable(false).existingNullable(true).serverDefault("'a'").build();
		AlterColumn back = (AlterColumn) change.reverse();
		assertThat(back.type()).isEqualTo(string(20));
		assertThat(back.nullable()).isTrue();
		assertThat(back.dropDefault()).isTrue();
		assertThat(back.existingType()).isEqualTo(string(30));
		assertThat(back.reverse()).extracting(MigrateOperation::toString).asString().contains("type=VARCHAR(30)");
		assertThatThrownBy(() -> AlterColumn.builder(null, "t", "c").type(INTEGER).build().reverse())
			.isInstanceOf(IrreversibleOperationException.class);
		assertThatThrownBy(() -> AlterColumn.builder(null, "t", "c").nullable(false).build().reverse())
			.isInstanceOf(IrreversibleOperationException.class);
	}

	@Test
	void batchReversesEachOperationInReverseOrder() {
		BatchAlterTable batch = new BatchAlterTable("users", List.of(new AddColumn("users", this.phone),
				AlterColumn.builder(null, "users", "a").newName("b").build()));
		assertThat(batch.reverse()).isEqualTo(new BatchAlterTable(null, "users",
				List.of(AlterColumn.builder(null, "users", "b").newName("a").build(),
						new DropColumn(null, "users", "phone", this.phone)),
				BatchAlterTable.Recreate.AUTO, null));
	}

	@Test
	void constraintTypeNamesAreAlembics() {
		assertThat(ConstraintType.parse("foreignkey")).isEqualTo(ConstraintType.FOREIGN_KEY);
		assertThat(ConstraintType.parse("primary")).isEqualTo(ConstraintType.PRIMARY_KEY);
		assertThat(ConstraintType.parse(null)).isNull();
		assertThatThrownBy(() -> ConstraintType.parse("index")).hasMessageContaining("use foreignkey, unique, check or primary");
	}

}
