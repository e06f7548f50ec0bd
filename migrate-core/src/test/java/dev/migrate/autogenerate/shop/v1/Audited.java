package dev.migrate.autogenerate.shop.v1;

import java.time.LocalDateTime;

import dev.migrate.model.ServerDefault;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public abstract class Audited {

	@Column(nullable = false)
	@ServerDefault("CURRENT_TIMESTAMP")
	protected LocalDateTime createdAt;

}
