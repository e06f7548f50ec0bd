package dev.migrate.autoconfigure.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrate.command.MigrationListener;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service boot at once against one PostgreSQL database: both start, and the
 * migration lock makes each revision run exactly once.
 */
class ConcurrentStartupTests {

	static final TestDatabase db = TestDatabases.freshPostgres();

	/** Every step run, by either instance. */
	static final List<String> applied = new CopyOnWriteArrayList<>();

	@Test
	void twoInstancesBootingAtOnceApplyEachRevisionOnce() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		List<Future<ConfigurableApplicationContext>> futures = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			futures.add(executor.submit(() -> {
				start.await();
				return new SpringApplicationBuilder(ServiceApplication.class)
					.properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
							"spring.main.web-application-type=none", "migrate.drift=ignore",
							"migrate.log-table=migrate_log")
					.run();
			}));
		}
		start.countDown();
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			for (Future<ConfigurableApplicationContext> future : futures) {
				contexts.add(future.get(120, TimeUnit.SECONDS));
			}
			assertThat(contexts).allMatch(ConfigurableApplicationContext::isActive);
			assertThat(applied).containsExactly("000000000001", "000000000002");
			JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
			assertThat(jdbc.queryForList("SELECT version_num FROM migrate_version", String.class))
				.containsExactly("000000000002");
			assertThat(jdbc.queryForList("SELECT revision FROM migrate_log WHERE direction = 'upgrade' ORDER BY revision",
					String.class))
				.containsExactly("000000000001", "000000000002");
		}
		finally {
			contexts.forEach(ConfigurableApplicationContext::close);
			executor.shutdownNow();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class ServiceApplication {

		@Bean
		MigrationListener recordingListener() {
			return new MigrationListener() {

				@Override
				public void afterStep(StepInfo step, Duration duration, Throwable failure) {
					if (failure == null) {
						applied.add(step.revision());
					}
				}

			};
		}

	}

}
