package dev.migrate.model;

/**
 * Models written in plain Java, for services without JPA: {@link Models#fromPackages} finds every
 * class implementing this interface (with a public no-argument constructor) and calls
 * {@link #define} to collect its tables.
 *
 * <pre>{@code
 * public class BillingSchema implements SchemaDefinition {
 *     public void define(SchemaBuilder s) {
 *         s.table("invoices",
 *             column("id", BIGINT).primaryKey().autoincrement(),
 *             column("number", string(20)).notNull(),
 *             column("company_id", INTEGER).notNull(),
 *             foreignKey("company_id", "companies", "id"),
 *             uniqueNamed("uq_invoices_number", "number"));
 *         s.index("ix_invoices_company_id", "invoices", "company_id");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SchemaDefinition {

	/** Adds this definition's tables and indexes to {@code schema}. */
	void define(SchemaBuilder schema);

}
