package dev.migrate.autogenerate.shop.v1;

public enum Category {

	BOOKS, TOOLS, TOYS

}
