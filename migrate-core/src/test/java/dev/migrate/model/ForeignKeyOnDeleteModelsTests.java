package dev.migrate.model;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import dev.migrate.schema.SchemaSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/** ON DELETE actions of entity foreign keys, written in JPA's {@code foreignKeyDefinition}. */
class ForeignKeyOnDeleteModelsTests {

	@Test
	void onDeleteIsReadFromTheForeignKeyDefinition() {
		SchemaSnapshot models = Models.fromClasses(List.of(Parent.class, Child.class, Other.class));
		assertThat(models.table("child").orElseThrow().foreignKeys())
			.extracting(dev.migrate.schema.ForeignKey::onDelete)
			.containsExactly("CASCADE");
		assertThat(models.table("other").orElseThrow().foreignKeys())
			.extracting(dev.migrate.schema.ForeignKey::onDelete)
			.containsExactly((String) null);
	}

	@Entity
	@Table(name = "parent")
	static class Parent {

		@Id
		Integer id;

	}

	@Entity
	@Table(name = "child")
	static class Child {

		@Id
		Integer id;

		@ManyToOne
		@JoinColumn(name = "parent_id", foreignKey = @ForeignKey(
				foreignKeyDefinition = "FOREIGN KEY (parent_id) REFERENCES parent (id) on  delete cascade"))
		Parent parent;

	}

	@Entity
	@Table(name = "other")
	static class Other {

		@Id
		Integer id;

		@ManyToOne
		@JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = "fk_other_parent"))
		Parent parent;

	}

}
