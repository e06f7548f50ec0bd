package dev.migrate.autoconfigure;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops an application on a Spring Boot the starter does not support (3.x) as it starts, with a
 * message naming the versions, instead of letting the Boot 4 modules the starter depends on
 * clash with the application's own (a {@code BeanDefinitionOverrideException} deep in the
 * context). Registered in {@code META-INF/spring.factories} as an {@code ApplicationListener}, a
 * key both Boot 3 and Boot 4 read; it reacts to {@code ApplicationStartingEvent} only, matched by
 * name so that nothing here links against a class Boot 3 lacks.
 */
public class SupportedBootVersion implements ApplicationListener<ApplicationEvent> {

	static final String SUPPORTED = "Spring Boot 4.0.x and 4.1.x on Java 17 or newer";

	private static final String STARTING_EVENT = "org.springframework.boot.context.event.ApplicationStartingEvent";

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (STARTING_EVENT.equals(event.getClass().getName())) {
			check(SpringBootVersion.getVersion());
		}
	}

	/**
	 * Fails unless {@code bootVersion} is 4.x (null, as in a repackaged jar without a manifest
	 * version, passes).
	 */
	static void check(String bootVersion) {
		if (bootVersion == null || bootVersion.isBlank()) {
			return;
		}
		int dot = bootVersion.indexOf('.');
		int major;
		try {
			major = Integer.parseInt((dot < 0) ? bootVersion : bootVersion.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (major < 4) {
			throw new IllegalStateException("migrate-spring-boot-starter supports " + SUPPORTED + ", but this"
					+ " application runs Spring Boot " + bootVersion + ": upgrade the application to Spring Boot 4,"
					+ " or remove the starter and run migrations with the migrate command line (migrate upgrade head)");
		}
	}

}
