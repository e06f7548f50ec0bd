package dev.migrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code migrate} command: Alembic's command line for the JVM. Global options come before
 * the subcommand or after it: {@code migrate --url jdbc:sqlite:app.db --script-location db/versions upgrade head},
 * {@code migrate check --compare-type} (every global option but {@code --verbose} is inherited by the subcommands).
 *
 * <p>Exit codes: 0 success; 1 a migration failed, or {@code check} found the database behind the
 * revisions or different from the models; 2 bad usage or bad input (unknown or ambiguous revision,
 * several heads, malformed revision file, unreachable database, configuration errors); 3 the
 * migration lock was not acquired within the lock timeout. Errors are
 * one line on stderr, {@code FAILED: <message>}; {@code --verbose} adds the stack trace.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = MigrateCli.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = { "Alembic-style database migrations for the JVM.", "",
				"Configuration comes from a properties file (-c, default ./migrate.properties), from environment "
						+ "variables MIGRATE_<KEY> (MIGRATE_URL, MIGRATE_USER, MIGRATE_PASSWORD, MIGRATE_SCRIPT_LOCATION, "
						+ "MIGRATE_VERSION_TABLE, MIGRATE_SCHEMA, MIGRATE_MODELS, MIGRATE_CLASSPATH, MIGRATE_DIALECT, ...) "
						+ "and from the global options below, which go before the command or after it "
						+ "(migrate check --compare-type). Options win over the environment, the environment over the file.", "" },
		footerHeading = "%nExit codes:%n",
		footer = { "  0  success", "  1  a migration failed; check: database not at head or models differ",
				"     lint: an error-level finding",
				"  2  bad usage or input: unknown or ambiguous revision, several heads,",
				"     malformed file, unreachable database, configuration error",
				"  3  the migration lock was not acquired within lock-timeout (another run holds it)",
				"  4  the command line itself failed (out of memory, stack overflow); 'current' tells",
				"     where the database stands", "",
				"See 'migrate <command> --help' for the options of each command." })
public final class MigrateCli implements Runnable {

	/**
	 * The commands, in the order {@code migrate --help} lists them. Added by {@link #commandLine}
	 * rather than declared in {@code @Command(subcommands)}: a run builds the model of the one command
	 * it names (each command inherits every global option, so the whole tree is most of picocli's
	 * start-up), the whole tree only for help, completion and a command line that names none.
	 */
	static final List<String> COMMANDS = List.of("init", "revision", "merge", "upgrade", "downgrade", "current", "history",
			"heads", "branches", "show", "stamp", "check", "repair", "unlock", "lint", "graph", "help",
			"generate-completion");

	/** A new command object; a switch, not a map of constructor references (each would spin a class at start-up). */
	static Object newCommand(String name) {
		return switch (name) {
			case "init" -> new InitCommand();
			case "revision" -> new RevisionCommand();
			case "merge" -> new MergeCommand();
			case "upgrade" -> new UpgradeCommand();
			case "downgrade" -> new DowngradeCommand();
			case "current" -> new CurrentCommand();
			case "history" -> new HistoryCommand();
			case "heads" -> new HeadsCommand();
			case "branches" -> new BranchesCommand();
			case "show" -> new ShowCommand();
			case "stamp" -> new StampCommand();
			case "check" -> new CheckCommand();
			case "repair" -> new RepairCommand();
			case "unlock" -> new UnlockCommand();
			case "lint" -> new LintCommand();
			case "graph" -> new GraphCommand();
			case "help" -> new CommandLine.HelpCommand();
			case "generate-completion" -> new AutoComplete.GenerateCompletion();
			default -> throw new IllegalArgumentException("No command " + name);
		};
	}

	@Spec
	CommandSpec spec;

	// The options named --<key> after a key of Settings.KEYS reach the settings through
	// settingsOptions(spec), which reads them from the command's model: a key's option is declared
	// here once and cannot be forgotten in a hand-written map (SettingsOptionsTests checks every key).

	@Option(scope = ScopeType.INHERIT, names = { "-c", "--config" }, paramLabel = "FILE",
			description = "Properties file (default ./migrate.properties; env MIGRATE_CONFIG).")
	String config;

	@Option(scope = ScopeType.INHERIT, names = "--url", paramLabel = "JDBC_URL", description = "JDBC URL of the database (url).")
	String url;

	@Option(scope = ScopeType.INHERIT, names = "--user", paramLabel = "USER", description = "Database user (user).")
	String user;

	@Option(scope = ScopeType.INHERIT, names = "--password", paramLabel = "PASSWORD", description = "Database password (password). Never printed; prefer MIGRATE_PASSWORD.")
	String password;

	@Option(scope = ScopeType.INHERIT, names = "--script-location", paramLabel = "LOCATIONS",
			description = "Where revisions are loaded from: directories and/or classpath:<path>, comma-separated (script-location).")
	String scriptLocation;

	@Option(scope = ScopeType.INHERIT, names = "--versions-dir", paramLabel = "DIR",
			description = "Directory new revision files are written to (versions-dir; default: the first directory of the script location).")
	String versionsDir;

	@Option(scope = ScopeType.INHERIT, names = "--package", paramLabel = "PACKAGE",
			description = "Java package of new Java revisions (package; default: derived from the versions directory).")
	String packageName;

	@Option(scope = ScopeType.INHERIT, names = "--classpath", paramLabel = "PATH",
			description = "Directories and jars with compiled Java revisions and models (classpath).")
	String classpath;

	@Option(scope = ScopeType.INHERIT, names = "--version-table", paramLabel = "TABLE", description = "Version table name (version-table; default migrate_version).")
	String versionTable;

	@Option(scope = ScopeType.INHERIT, names = "--schema", paramLabel = "SCHEMA", description = "Schema of the version table (schema).")
	String schema;

	@Option(scope = ScopeType.INHERIT, names = "--dialect", paramLabel = "DIALECT",
			description = "postgresql, h2, sqlite or mysql (dialect): for --sql without a url.")
	String dialect;

	@Option(scope = ScopeType.INHERIT, names = "--dialect-options", paramLabel = "KEY=VALUE,...",
			description = "Dialect options (dialect-options), e.g. no_backslash_escapes=true (mysql, for --sql run where sql_mode has NO_BACKSLASH_ESCAPES).")
	String dialectOptions;

	@Option(scope = ScopeType.INHERIT, names = "--connect-timeout", paramLabel = "DURATION",
			description = "How long connecting and logging in may take, seconds or ISO-8601 (connect-timeout; default 30; 0 = no limit).")
	String connectTimeout;

	@Option(scope = ScopeType.INHERIT, names = "--models", paramLabel = "PACKAGES",
			description = "Packages with the models, comma-separated (models): for revision --autogenerate and check.")
	String models;

	@Option(scope = ScopeType.INHERIT, names = "--revision-cache", paramLabel = "DIR|off",
			description = "Where the revision cache of directories with 64+ SQL revisions goes, or off (revision-cache; "
					+ "default ~/.cache/migrate).")
	String revisionCache;

	@Option(scope = ScopeType.INHERIT, names = "--transaction-per-migration", negatable = true, arity = "0..1",
			fallbackValue = "true",
			description = "One transaction per revision (transaction-per-migration; default). --no-transaction-per-migration "
					+ "runs the whole upgrade or downgrade in one transaction where DDL is transactional (PostgreSQL, SQLite).")
	Boolean transactionPerMigration;

	@Option(scope = ScopeType.INHERIT, names = "--compare-type", negatable = true, arity = "0..1", fallbackValue = "true", 
			description = "autogenerate/check compare column types (compare-type; default true); --no-compare-type does not.")
	Boolean compareType;

	@Option(scope = ScopeType.INHERIT, names = "--compare-server-default", negatable = true, arity = "0..1", fallbackValue = "true",
			description = "autogenerate/check compare server defaults (compare-server-default; default false).")
	Boolean compareServerDefault;

	@Option(scope = ScopeType.INHERIT, names = "--drift-extras", paramLabel = "report|ignore|fail",
			description = "What check/autogenerate do with tables, keys, indexes and constraints only the database has "
					+ "(drift-extras; default report: listed, not failing check, drops rendered commented out).")
	String driftExtras;

	@Option(scope = ScopeType.INHERIT, names = "--lock-timeout", paramLabel = "DURATION",
			description = "How long to wait for the migration lock: seconds or ISO-8601 (lock-timeout; default PT5M).")
	String lockTimeout;

	@Option(scope = ScopeType.INHERIT, names = "--lock-lease", paramLabel = "DURATION",
			description = "Lease of the lock row on H2/SQLite: a runner that died holds the lock this long (lock-lease; default PT10S).")
	String lockLease;

	@Option(scope = ScopeType.INHERIT, names = "--lock-renew-interval", paramLabel = "DURATION",
			description = "How often the holder renews its lease (lock-renew-interval; default a third of the lease).")
	String lockRenewInterval;

	@Option(scope = ScopeType.INHERIT, names = "--log-table", paramLabel = "TABLE", description = "Applied-steps log table (log-table; default none).")
	String logTable;

	@Option(scope = ScopeType.INHERIT, names = "--baseline-revision", paramLabel = "REV",
			description = "Revision upgrade stamps first on a schema with tables but no version table (baseline-revision).")
	String baselineRevision;

	@Option(scope = ScopeType.INHERIT, names = "--baseline-on-migrate", negatable = true, arity = "0..1", fallbackValue = "true",
			description = "With no baseline-revision, stamp the base revision on such a schema (baseline-on-migrate; default false).")
	Boolean baselineOnMigrate;

	@Option(scope = ScopeType.INHERIT, names = "--placeholders", negatable = true, arity = "0..1", fallbackValue = "true",
			description = "Replace ${key} in SQL revisions with the -x arguments (placeholders; default false).")
	Boolean placeholders;

	@Option(scope = ScopeType.INHERIT, names = "--validate-checksums", negatable = true, arity = "0..1", fallbackValue = "true",
			description = "Refuse to upgrade when an applied revision was edited since it was applied (validate-checksums; default true).")
	Boolean validateChecksums;

	@Option(scope = ScopeType.INHERIT, names = "--lint-disabled-rules", paramLabel = "RULES",
			description = "lint rule ids switched off for the project, comma-separated (lint-disabled-rules).")
	String lintDisabledRules;

	@Option(scope = ScopeType.INHERIT, names = "--naming-physical-strategy", paramLabel = "CLASS",
			description = "Hibernate physical naming strategy the models are read with (naming-physical-strategy; default: the application.properties on the classpath, else Spring Boot's).")
	String namingPhysicalStrategy;

	@Option(scope = ScopeType.INHERIT, names = "--naming-implicit-strategy", paramLabel = "CLASS",
			description = "Hibernate implicit naming strategy the models are read with (naming-implicit-strategy).")
	String namingImplicitStrategy;

	@Option(scope = ScopeType.INHERIT, names = "--lock-timeout-ddl", paramLabel = "DURATION",
			description = "Longest wait of a revision's statements for a table lock, e.g. 5s (lock-timeout-ddl).")
	String lockTimeoutDdl;

	@Option(scope = ScopeType.INHERIT, names = "--statement-timeout", paramLabel = "DURATION",
			description = "Longest run of one statement of a revision, e.g. 30s (statement-timeout).")
	String statementTimeout;

	@Option(scope = ScopeType.INHERIT, names = "--lock-retries", paramLabel = "N",
			description = "Retries of a revision whose lock wait timed out (lock-retries; default 0).")
	String lockRetries;

	@Option(scope = ScopeType.INHERIT, names = "--lock-retry-backoff", paramLabel = "DURATION",
			description = "Wait before the first retry, doubled each time (lock-retry-backoff; default 1s).")
	String lockRetryBackoff;

	@Option(scope = ScopeType.INHERIT, names = "--schemas", paramLabel = "SCHEMAS",
			description = "Tenant schemas, comma-separated: upgrade, downgrade, stamp, current and check run for each (schemas).")
	String schemas;

	@Option(scope = ScopeType.INHERIT, names = "--schemas-from-query", paramLabel = "SQL",
			description = "Query whose first column lists the tenant schemas (schemas-from-query).")
	String schemasFromQuery;

	@Option(scope = ScopeType.INHERIT, names = "--parallelism", paramLabel = "N",
			description = "Tenants run at once with --schemas (parallelism; default 4).")
	String parallelism;

	@Option(scope = ScopeType.INHERIT, names = "-x", paramLabel = "KEY=VALUE", description = "Argument revisions can read (Alembic's -x); repeatable.")
	Map<String, String> arguments = new LinkedHashMap<>();

	@Option(scope = ScopeType.INHERIT, names = "--json",
			description = "JSON output (current, history, heads, branches, show, check, upgrade, downgrade, stamp, unlock, lint).")
	boolean json;

	@Option(names = "--verbose", description = "Print stack traces with errors, and the engine's log (INFO).")
	boolean verbose;

	/** Set by {@link #execute}: the environment and working directory of this run. */
	CliEnvironment environment = CliEnvironment.system();

	/**
	 * The loggers whose levels a run sets, created on first use (by {@link Preinitializer} while
	 * picocli builds its model, on a fresh JVM): java.util.logging's set-up is some 20 ms.
	 */
	private static final class Loggers {

		/** The engine's loggers (System.Logger over java.util.logging): warnings only, INFO with --verbose. */
		static final Logger ENGINE = Logger.getLogger("dev.migrate");

		/** The MariaDB driver's own log, routed to java.util.logging so that --verbose governs it like the engine's. */
		static final Logger MARIADB_DRIVER = Logger.getLogger("org.mariadb.jdbc");

		/** pgjdbc's log (java.util.logging): its URL complaints carry what it took for a port, a password often. */
		static final Logger PG_DRIVER = Logger.getLogger("org.postgresql");

		private Loggers() {
		}

	}

	/**
	 * Sets up, on a thread of its own, what every command needs and picocli does not: logging and
	 * the dialects (Spring Boot's {@code BackgroundPreinitializer} does the same for an
	 * application). The command line's own thread meanwhile builds picocli's model and parses the
	 * arguments; whichever first needs one of these waits for its class initialization, so the
	 * order of what a run does is the same as without it.
	 */
	private static final class Preinitializer implements Runnable {

		static void start() {
			Thread thread = new Thread(new Preinitializer(), "migrate-preinit");
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public void run() {
			try {
				Loggers.ENGINE.getName();
				// the root logger's console handler, which RedactingFormatter wraps
				Logger.getLogger("").getHandlers();
				dev.migrate.dialect.DialectResolver.all();
			}
			catch (Throwable ex) {
				// the thread that needs it meets the same error, and reports it
			}
		}

	}

	/** Set by init: the config file it is about to create may not exist yet. */
	boolean allowMissingConfig;

	private CliContext context;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command");
	}

	/** The context of this run, created on first use. */
	CliContext context() {
		if (this.context == null) {
			Loggers.ENGINE.setLevel(this.verbose ? Level.INFO : Level.WARNING);
			// the driver logs failed statements itself; the error line already says what failed
			Loggers.MARIADB_DRIVER.setLevel(this.verbose ? Level.INFO : Level.OFF);
			Loggers.PG_DRIVER.setLevel(this.verbose ? Level.INFO : Level.OFF);
			Map<String, String> options = settingsOptions(this.spec);
			Settings settings = Settings.resolve(this.config, this.environment.variables(), options,
					this.environment.workingDirectory(), this.allowMissingConfig);
			// whatever still logs (the engine, a driver with --verbose), no password reaches the console
			RedactingFormatter.install(java.util.Arrays.asList(settings.get("password"),
					dev.migrate.command.JdbcUrls.splitUserInfo(settings.get("url")).password()));
			this.context = new CliContext(settings, this.arguments, this.spec.commandLine().getOut(),
					this.spec.commandLine().getErr(), this.json);
		}
		return this.context;
	}

	/**
	 * The values of the options named {@code --<key>} after a key of {@link Settings#KEYS}, by key
	 * (null when not given): one option per key, read from the command's model so that no option
	 * can be declared and then forgotten.
	 */
	static Map<String, String> settingsOptions(CommandSpec spec) {
		Map<String, String> options = new LinkedHashMap<>();
		for (CommandLine.Model.OptionSpec option : spec.options()) {
			String key = option.longestName().substring(2);
			if (Settings.KEYS.containsKey(key)) {
				Object value = option.getValue();
				options.put(key, (value != null) ? value.toString() : null);
			}
		}
		return options;
	}

	CliContext contextIfCreated() {
		return this.context;
	}

	public static void main(String[] args) {
		// without SLF4J the MariaDB driver prints to the console unless told to use java.util.logging
		if (System.getProperty("mariadb.logging.fallback") == null) {
			System.setProperty("mariadb.logging.fallback", "JDK");
		}
		// the engine logs through System.Logger (java.util.logging here): one line per record
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
		}
		// logging and the dialects are set up on another thread while picocli starts (after the properties above)
		Preinitializer.start();
		// SIGTERM/SIGINT during a run: its revision is rolled back and the lock released before exit
		dev.migrate.runtime.MigrationLock.installShutdownHook();
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		int code = execute(args, out, err, CliEnvironment.system());
		out.flush();
		err.flush();
		System.exit(code);
	}

	/**
	 * Runs the command line in this JVM and returns the exit code (0 success, 1 migration failed
	 * or check failed, 2 bad usage or input).
	 */
	public static int execute(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
		MigrateCli cli = new MigrateCli();
		cli.environment = environment;
		CommandLine commandLine = commandLine(cli, commandNamed(args));
		commandLine.setOut(out);
		commandLine.setErr(err);
		try {
			return commandLine.execute(args);
		}
		catch (VirtualMachineError ex) {
			// what the stack held is free again: one line and its own exit code, not a failed migration's
			return new ErrorHandler(cli).handle(ex, commandLine);
		}
		catch (Throwable ex) {
			// errors picocli does not hand to the execution exception handler (e.g. ServiceConfigurationError)
			return new ErrorHandler(cli).handle(ex, commandLine);
		}
		finally {
			if (cli.context != null) {
				cli.context.close();
			}
		}
	}

	/** The command line with every command (help, completion, documentation). */
	static CommandLine commandLine(MigrateCli cli) {
		return commandLine(cli, null);
	}

	/**
	 * The command a command line runs, when one can tell before parsing: the first argument that
	 * is a command's name. An option's value cannot be one (picocli refuses a command name as an
	 * option parameter), so it is the command picocli would run. Null, for the whole tree, when
	 * there is none, before {@code --help}/{@code --version}/{@code --}, or for {@code help} and
	 * {@code generate-completion}, which need every command.
	 */
	static String commandNamed(String[] args) {
		for (String arg : args) {
			if (arg.equals("--") || arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
				return null;
			}
			if (COMMANDS.contains(arg)) {
				return (arg.equals("help") || arg.equals("generate-completion")) ? null : arg;
			}
		}
		return null;
	}

	/**
	 * The command line with the command {@code only}, or every command when null.
	 * @see #commandNamed(String[])
	 */
	static CommandLine commandLine(MigrateCli cli, String only) {
		CommandLine commandLine = new CommandLine(cli);
		for (String name : COMMANDS) {
			if (only == null || only.equals(name)) {
				commandLine.addSubcommand(name, newCommand(name));
			}
		}
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler(new ErrorHandler(cli));
		commandLine.setParameterExceptionHandler(new ErrorHandler(cli));
		for (CommandLine subcommand : commandLine.getSubcommands().values()) {
			hideInheritedOptions(subcommand);
		}
		return commandLine;
	}

	/**
	 * Keeps a subcommand's help to its own options: the global options it inherits still work
	 * there ({@code migrate check --compare-type}) but are listed once, by {@code migrate --help}.
	 */
	private static void hideInheritedOptions(CommandLine subcommand) {
		CommandSpec spec = subcommand.getCommandSpec();
		boolean any = false;
		for (CommandLine.Model.OptionSpec option : List.copyOf(spec.options())) {
			if (option.inherited() && !option.hidden()) {
				spec.remove(option);
				spec.addOption(option.toBuilder().hidden(true).build());
				any = true;
			}
		}
		if (any) {
			List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
			footer.add("");
			footer.add("Global options (url, script-location, --json, ...; see 'migrate --help') may come before or after the command.");
			spec.usageMessage().footer(footer.toArray(String[]::new));
		}
		for (CommandLine nested : subcommand.getSubcommands().values()) {
			hideInheritedOptions(nested);
		}
	}

	/** The version from the jar manifest. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigrateCli.class.getPackage().getImplementationVersion();
			return new String[] { "migrate " + ((version != null) ? version : "(development build)"),
					"Java " + System.getProperty("java.version") };
		}

	}

	/** Where a run happens: environment variables and the working directory. */
	public record CliEnvironment(Map<String, String> variables, Path workingDirectory) {

		public CliEnvironment {
			variables = Map.copyOf(variables);
			workingDirectory = workingDirectory.toAbsolutePath().normalize();
		}

		public static CliEnvironment system() {
			return new CliEnvironment(System.getenv(), Path.of(""));
		}

	}

}
