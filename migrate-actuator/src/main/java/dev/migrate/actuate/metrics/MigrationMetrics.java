package dev.migrate.actuate.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migrate.autoconfigure.MigrateConfigCustomizer;
import dev.migrate.autoconfigure.MigrateInstance;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrationListener;
import dev.migrate.command.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer meters for migrations: {@value #STEPS} (counter of revisions run, tags
 * {@code migrator}, {@code direction} and {@code outcome}), {@value #STEP_DURATION} (timer per
 * step, same tags) and {@value #PENDING} (gauge of pending revisions, tag {@code migrator}). The
 * {@code migrator} tag is the name of the {@link Migrator} bean ({@code migrator}, or
 * {@code <instance>Migrator} for {@code migrate.instances.<instance>}), so that the meters of
 * several databases stay apart. A {@link MigrateConfigCustomizer}: the starter lets it add a step
 * listener to each migration bean it builds.
 */
public class MigrationMetrics implements MigrateConfigCustomizer, MeterBinder {

	/** Counter of revisions run. */
	public static final String STEPS = "migrate.revisions";

	/** Timer of each step. */
	public static final String STEP_DURATION = "migrate.step.duration";

	/** Gauge of pending revisions. */
	public static final String PENDING = "migrate.revisions.pending";

	private static final long PENDING_CACHE_NANOS = Duration.ofSeconds(10).toNanos();

	private final ObjectProvider<MeterRegistry> registry;

	private final ListableBeanFactory beanFactory;

	/**
	 * Creates the meters' source.
	 * @param registry where step meters go, resolved when the first step runs
	 * @param beanFactory where the migration beans are, for the pending gauges
	 */
	public MigrationMetrics(ObjectProvider<MeterRegistry> registry, ListableBeanFactory beanFactory) {
		this.registry = registry;
		this.beanFactory = beanFactory;
	}

	@Override
	public void customize(String instance, MigrateConfig.Builder builder) {
		builder.listener(forMigrator(MigrateInstance.beanNameOf(instance)));
	}

	/** The listener that meters the steps of the {@link Migrator} bean {@code migrator}. */
	public MigrationListener forMigrator(String migrator) {
		return new MigrationListener() {

			@Override
			public void afterStep(StepInfo step, Duration duration, Throwable failure) {
				record(migrator, step, duration, failure);
			}

		};
	}

	private void record(String migrator, MigrationListener.StepInfo step, Duration duration, Throwable failure) {
		MeterRegistry registry = this.registry.getIfAvailable();
		if (step.stamp() || registry == null) {
			return;
		}
		String direction = step.upgrade() ? "upgrade" : "downgrade";
		String outcome = (failure == null) ? "success" : "failure";
		Counter.builder(STEPS)
			.description("Revisions run")
			.tag("migrator", migrator)
			.tag("direction", direction)
			.tag("outcome", outcome)
			.register(registry)
			.increment();
		Timer.builder(STEP_DURATION)
			.description("Duration of each migration step")
			.tag("migrator", migrator)
			.tag("direction", direction)
			.tag("outcome", outcome)
			.register(registry)
			.record(duration);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Map<String, Migrator> migrators = this.beanFactory.getBeansOfType(Migrator.class, false, false);
		// Micrometer holds a gauge's state object weakly; nothing else refers to a PendingCount,
		// so without a strong reference the gauge would read NaN after the next garbage collection.
		migrators.forEach((name, migrator) -> Gauge.builder(PENDING, new PendingCount(migrator), PendingCount::get)
			.strongReference(true)
			.description("Revisions not yet applied to the database")
			.tag("migrator", name)
			.register(registry));
	}

	/** Pending revisions of one bean, read at most every ten seconds. */
	private static final class PendingCount {

		private final Migrator migrator;

		private volatile long readAt;

		private volatile double value = Double.NaN;

		PendingCount(Migrator migrator) {
			this.migrator = migrator;
		}

		double get() {
			long now = System.nanoTime();
			if (Double.isNaN(this.value) || now - this.readAt > PENDING_CACHE_NANOS) {
				try {
					this.value = this.migrator.status().pending().size();
				}
				catch (RuntimeException ex) {
					this.value = Double.NaN;
				}
				this.readAt = now;
			}
			return this.value;
		}

	}

}
