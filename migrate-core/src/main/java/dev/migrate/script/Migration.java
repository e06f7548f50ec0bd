package dev.migrate.script;

import dev.migrate.operations.Operations;

/**
 * A Java revision: the counterpart of an Alembic script's {@code upgrade()} and
 * {@code downgrade()}. Annotate the class with {@link Revision} for its identifiers.
 *
 * <pre>{@code
 * @Revision(id = "abc123def456", down = "789xyz000000", message = "add products table",
 *           createDate = "2024-01-01 12:00:00")
 * public class AddProductsTable implements Migration {
 *     public void upgrade(Operations op) { ... }
 *     public void downgrade(Operations op) { ... }
 * }
 * }</pre>
 *
 * Implementations need a public no-argument constructor.
 */
public interface Migration {

	void upgrade(Operations op);

	void downgrade(Operations op);

}
