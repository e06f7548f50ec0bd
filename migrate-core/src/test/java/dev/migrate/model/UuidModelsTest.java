package dev.migrate.model;

import java.util.List;
import java.util.UUID;

import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Table;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code java.util.UUID} is a UUID column (Hibernate 7: uuid, or BINARY(16) on MySQL and MariaDB before 10.7);
 * mapped as text or bytes with {@code @JdbcTypeCode} it is what Hibernate writes then.
 */
class UuidModelsTest {

	@Entity
	static class Keys {

		@Id
		Long id;

		UUID plain;

		@JdbcTypeCode(3000) // SqlTypes.UUID
		UUID explicit;

		@JdbcTypeCode(1) // SqlTypes.CHAR: char(36), varchar(36) on MySQL/MariaDB
		UUID text;

		@JdbcTypeCode(12) // SqlTypes.VARCHAR
		UUID varchar;

		@JdbcTypeCode(-2) // SqlTypes.BINARY
		UUID bytes;

	}

	@Test
	void uuidsAsHibernateMapsThem() {
		Table keys = new JpaModelReader(List.of(Keys.class), Naming.SPRING_BOOT, false).read().get(0);
		assertThat(keys.column("plain").orElseThrow().type()).isEqualTo(ColumnType.UUID);
		assertThat(keys.column("explicit").orElseThrow().type()).isEqualTo(ColumnType.UUID);
		assertThat(keys.column("text").orElseThrow().type()).isEqualTo(ColumnType.raw("CHAR(36)"));
		assertThat(keys.column("varchar").orElseThrow().type()).isEqualTo(ColumnType.string(36));
		assertThat(keys.column("bytes").orElseThrow().type()).isEqualTo(ColumnType.binary(16));
	}

}
