package dev.migrate.operations;

import dev.migrate.schema.ColumnType;

/**
 * Table/column statement builders for data migrations — the counterpart of SQLAlchemy's
 * {@code table('users', column('id'), column('status'))} with {@code .update().values(...)}:
 *
 * <pre>{@code
 * var users = Sql.table("users", Sql.column("id", INTEGER), Sql.column("status", string(20)));
 * op.execute(users.update().set("status", "active"));
 * op.execute(users.update().set("status", "archived").where("id", 42));
 * op.execute(users.delete().where("status", "gone"));
 * op.bulkInsert(users, List.of(Map.of("id", 1, "status", "active")));
 * }</pre>
 *
 * Names are quoted and values escaped or bound by the dialect; nothing is concatenated raw.
 * CONTRACT: names fixed; implemented by the operations work.
 */
public final class Sql {

	private Sql() {
	}

	/** A table reference for data statements. */
	public static TableRef table(String name, ColumnRef... columns) {
		return new TableRef(name, java.util.List.of(columns));
	}

	public static ColumnRef column(String name) {
		return new ColumnRef(name, null);
	}

	public static ColumnRef column(String name, ColumnType type) {
		return new ColumnRef(name, type);
	}

	/**
	 * An SQL expression written by the revision's author, used as a value where a literal would be
	 * escaped, e.g. {@code users.update().set("email", Sql.expression("LOWER(email)"))}. Rendered
	 * verbatim, so it must never carry data.
	 */
	public static Expression expression(String sql) {
		return new Expression(sql);
	}

	/** A verbatim SQL expression; see {@link #expression(String)}. */
	public record Expression(String sql) {

		public Expression {
			java.util.Objects.requireNonNull(sql, "sql");
		}

	}

	/** A column of a table reference; the type is informational. */
	public record ColumnRef(String name, ColumnType type) {
	}

	/** A built statement. */
	public interface Statement {
	}

	/** A table reference with its statement builders. */
	public record TableRef(String name, java.util.List<ColumnRef> columns) {

		public Update update() {
			return new Update(this, new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
		}

		public Delete delete() {
			return new Delete(this, new java.util.LinkedHashMap<>());
		}

	}

	/** {@code UPDATE table SET ... [WHERE col = value AND ...]}. */
	public record Update(TableRef table, java.util.Map<String, Object> values, java.util.Map<String, Object> where)
			implements Statement {

		public Update set(String column, Object value) {
			this.values.put(column, value);
			return this;
		}

		public Update where(String column, Object value) {
			this.where.put(column, value);
			return this;
		}

	}

	/** {@code DELETE FROM table [WHERE col = value AND ...]}. */
	public record Delete(TableRef table, java.util.Map<String, Object> where) implements Statement {

		public Delete where(String column, Object value) {
			this.where.put(column, value);
			return this;
		}

	}

}
