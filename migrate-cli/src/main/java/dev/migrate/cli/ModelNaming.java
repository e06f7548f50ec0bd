package dev.migrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import dev.migrate.model.Naming;

/**
 * The naming strategies the command line reads the models with, as the application would apply
 * them: the {@code naming-physical-strategy}/{@code naming-implicit-strategy} settings, else the
 * {@code spring.jpa.hibernate.naming.*} keys of the {@code application.properties} that the models'
 * class path holds (a Spring project's {@code target/classes}), else Spring Boot's defaults.
 */
final class ModelNaming {

	private ModelNaming() {
	}

	static Naming of(CliContext context) {
		String physical = context.settings().get("naming-physical-strategy");
		String implicit = context.settings().get("naming-implicit-strategy");
		if (physical == null || implicit == null) {
			Properties application = applicationProperties(context.classLoader());
			if (physical == null) {
				physical = application.getProperty("spring.jpa.hibernate.naming.physical-strategy");
			}
			if (implicit == null) {
				implicit = application.getProperty("spring.jpa.hibernate.naming.implicit-strategy");
			}
		}
		return Naming.of(physical, implicit, context.classLoader());
	}

	private static Properties applicationProperties(ClassLoader classLoader) {
		Properties properties = new Properties();
		try (InputStream in = classLoader.getResourceAsStream("application.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
