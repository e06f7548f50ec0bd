package dev.migrate.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.migrate.ConfigurationException;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;

/**
 * Target metadata ("the models"): JPA {@code @Entity} classes read from their jakarta.persistence
 * annotations without an ORM running, and plain-Java {@link SchemaDefinition}s. Both kinds may be
 * mixed; a table defined twice is an error naming both sources.
 */
public final class Models {

	private static final System.Logger LOGGER = System.getLogger(Models.class.getName());

	private Models() {
	}

	/**
	 * Models found in {@code packages} (and sub-packages) on {@code classLoader}, named as Spring
	 * Boot's default naming strategies name them; warnings are logged.
	 */
	public static SchemaSnapshot fromPackages(ClassLoader classLoader, List<String> packages) {
		return fromPackages(classLoader, packages, Naming.SPRING_BOOT,
				(warning) -> LOGGER.log(System.Logger.Level.WARNING, warning));
	}

	/**
	 * Models found in {@code packages} (and sub-packages) on {@code classLoader}, named with
	 * {@code naming}. Annotations of the model classes that {@code classLoader} cannot load (the JVM
	 * drops them silently: a {@code @NotNull} without jakarta.validation-api) are reported to
	 * {@code warnings}, one line per missing jar.
	 */
	public static SchemaSnapshot fromPackages(ClassLoader classLoader, List<String> packages, Naming naming,
			Consumer<String> warnings) {
		return fromPackages(classLoader, packages, naming, warnings, true);
	}

	/**
	 * As {@link #fromPackages(ClassLoader, List, Naming, Consumer)}; with {@code eachMustHaveModels}
	 * false a package without models is not an error (packages that were defaulted, not configured:
	 * an application without entities has nothing to compare, and gets an empty snapshot).
	 */
	public static SchemaSnapshot fromPackages(ClassLoader classLoader, List<String> packages, Naming naming,
			Consumer<String> warnings, boolean eachMustHaveModels) {
		if (packages == null || packages.isEmpty()) {
			throw new ConfigurationException("No model packages given (set 'migrate.model-packages' or --models)");
		}
		List<Class<?>> models = new ArrayList<>();
		for (String pkg : packages) {
			String name = pkg.trim();
			if (name.isEmpty()) {
				continue;
			}
			int before = models.size();
			for (Class<?> type : ClassScanner.scan(classLoader, name)) {
				if (isModel(type) && !models.contains(type)) {
					models.add(type);
				}
			}
			if (eachMustHaveModels && models.size() == before) {
				throw new ConfigurationException("Model package '" + name
						+ "' has no @Entity classes or SchemaDefinition implementations on the class path");
			}
		}
		return fromClasses(models, naming, warnings);
	}

	/** Models from the given classes (JPA entities or schema definitions), Spring Boot's naming. */
	public static SchemaSnapshot fromClasses(List<Class<?>> classes) {
		return fromClasses(classes, Naming.SPRING_BOOT, (warning) -> LOGGER.log(System.Logger.Level.WARNING, warning));
	}

	/** Models from the given classes, named with {@code naming}; see {@link #fromPackages(ClassLoader, List, Naming, Consumer)}. */
	public static SchemaSnapshot fromClasses(List<Class<?>> classes, Naming naming, Consumer<String> warnings) {
		List<Class<?>> entities = new ArrayList<>();
		List<Class<?>> definitions = new ArrayList<>();
		for (Class<?> type : classes) {
			if (JpaModelReader.isEntity(type)) {
				entities.add(type);
			}
			else if (SchemaDefinition.class.isAssignableFrom(type) && isConcrete(type)) {
				definitions.add(type);
			}
			else {
				throw new ConfigurationException("Class " + type.getName()
						+ " is neither a JPA @Entity nor a concrete dev.migrate.model.SchemaDefinition");
			}
		}
		Map<String, Table> tables = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		UnresolvedAnnotations.of(classes).forEach(warnings);
		// Hibernate applies Bean Validation constraints to the DDL when a provider is on the class path
		boolean beanValidation = !entities.isEmpty() && BeanValidationDdl.present(entities.get(0).getClassLoader());
		JpaModelReader reader = new JpaModelReader(entities, naming, beanValidation);
		for (Table table : reader.read()) {
			tables.put(table.name(), table);
			sources.put(table.name(), "JPA entities");
		}
		for (Class<?> type : definitions) {
			SchemaBuilder builder = new SchemaBuilder();
			instantiate(type).define(builder);
			for (Table table : builder.build().tables()) {
				String previous = sources.putIfAbsent(table.name(), type.getName());
				if (previous != null) {
					throw new ConfigurationException("Table '" + table.name() + "' is defined by both " + previous
							+ " and " + type.getName());
				}
				tables.put(table.name(), table);
			}
		}
		return new SchemaSnapshot(new ArrayList<>(tables.values())).withSequences(reader.sequences());
	}

	private static boolean isModel(Class<?> type) {
		return JpaModelReader.isEntity(type) || (SchemaDefinition.class.isAssignableFrom(type) && isConcrete(type));
	}

	private static boolean isConcrete(Class<?> type) {
		return !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
				&& (type.getEnclosingClass() == null || Modifier.isStatic(type.getModifiers()));
	}

	private static SchemaDefinition instantiate(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return (SchemaDefinition) constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			throw new ConfigurationException("Schema definition " + type.getName() + " needs a no-argument constructor");
		}
		catch (ReflectiveOperationException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new ConfigurationException("Schema definition " + type.getName() + " could not be created: " + cause,
					cause);
		}
	}

}
