package dev.migrate.autogenerate.shop.v1;

public enum Status {

	PENDING, ACTIVE, SUSPENDED

}
