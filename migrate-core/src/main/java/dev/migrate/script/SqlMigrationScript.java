package dev.migrate.script;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.graph.RevisionNode;
import dev.migrate.operations.Operations;

/** A revision written as an SQL file with {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections. */
public final class SqlMigrationScript extends MigrationScript {

	private final String fileName;

	private final Path path;

	private final String upgradeSql;

	private final String downgradeSql;

	private final List<String> upgradeStatements;

	private final List<String> downgradeStatements;

	SqlMigrationScript(RevisionNode node, String message, String createDate, String fileName, String origin,
			Path path, boolean transactional, String upgradeSql, String downgradeSql, List<String> upgradeStatements,
			List<String> downgradeStatements) {
		super(node, message, createDate, fileName, origin, transactional);
		this.fileName = fileName;
		this.path = path;
		this.upgradeSql = upgradeSql;
		this.downgradeSql = downgradeSql;
		this.upgradeStatements = List.copyOf(upgradeStatements);
		this.downgradeStatements = List.copyOf(downgradeStatements);
	}

	@Override
	public String source() {
		return this.fileName;
	}

	@Override
	public String kind() {
		return "sql";
	}

	@Override
	public Path path() {
		return this.path;
	}

	/** The upgrade statements, split with standard string rules. */
	public List<String> upgradeStatements() {
		return this.upgradeStatements;
	}

	/** The downgrade statements; empty when the file has no downgrade section. */
	public List<String> downgradeStatements() {
		return this.downgradeStatements;
	}

	/** Whether the file has a {@code -- migrate:downgrade} section. */
	public boolean hasDowngrade() {
		return this.downgradeSql != null;
	}

	@Override
	public void upgrade(Operations op) {
		run(op, this.upgradeSql, this.upgradeStatements);
	}

	@Override
	public void downgrade(Operations op) {
		if (this.downgradeSql != null) {
			run(op, this.downgradeSql, this.downgradeStatements);
		}
	}

	private static void run(Operations op, String sql, List<String> statements) {
		List<String> toRun = statements;
		if ("mysql".equals(op.context().dialect().name())) {
			// MySQL reads backslashes as escapes in every string literal
			toRun = SqlStatementSplitter.split(sql, true);
		}
		for (String statement : toRun) {
			op.execute(statement);
		}
	}

}
