package dev.migrate.cli;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.migrate.command.JdbcUrls;

/**
 * A java.util.logging formatter that masks the passwords of JDBC URLs in what another formatter
 * writes: the drivers log their own complaints about a URL (pgjdbc's "JDBC URL invalid port
 * number: <password>@host", say) with the secret in them.
 */
final class RedactingFormatter extends Formatter {

	/** The secrets of this run (the configured password, the one in the URL's user-info), masked wherever they appear. */
	private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

	private final Formatter delegate;

	private RedactingFormatter(Formatter delegate) {
		this.delegate = delegate;
	}

	@Override
	public String format(LogRecord record) {
		return redact(this.delegate.format(record));
	}

	static String redact(String text) {
		String result = text;
		for (String secret : SECRETS) {
			result = result.replace(secret, "***");
		}
		return JdbcUrls.redact(result);
	}

	@Override
	public String getHead(Handler handler) {
		return this.delegate.getHead(handler);
	}

	@Override
	public String getTail(Handler handler) {
		return this.delegate.getTail(handler);
	}

	/**
	 * Puts the masking in front of the formatter of every handler of the root logger (once), with
	 * {@code secrets} (nulls and empty ones ignored) added to what it masks.
	 */
	static void install(Collection<String> secrets) {
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				SECRETS.add(secret);
			}
		}
		for (Handler handler : Logger.getLogger("").getHandlers()) {
			Formatter formatter = handler.getFormatter();
			if (formatter != null && !(formatter instanceof RedactingFormatter)) {
				handler.setFormatter(new RedactingFormatter(formatter));
			}
		}
	}

}
