package dev.migrate.lint;

import java.util.function.Consumer;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** A Java revision whose upgrade is the test case's operations ({@link #body}). */
@Revision(id = "j2", down = "r1", message = "lint case")
public class JavaCase implements Migration {

	static Consumer<Operations> body = (op) -> {
	};

	@Override
	public void upgrade(Operations op) {
		body.accept(op);
	}

	@Override
	public void downgrade(Operations op) {
	}

	/** The same outside a transaction. */
	@Revision(id = "j3", down = "r1", message = "lint case", transactional = false)
	public static class NoTransaction extends JavaCase {
	}

}
