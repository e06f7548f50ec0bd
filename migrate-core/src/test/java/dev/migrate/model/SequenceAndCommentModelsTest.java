package dev.migrate.model;

import java.util.List;
import java.util.UUID;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Sequence;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import org.hibernate.annotations.Comment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The models' sequences and comments, as Hibernate 7 derives them from the annotations. */
class SequenceAndCommentModelsTest {

	@Entity
	@Table(name = "a_things")
	@SequenceGenerator(name = "things_gen", allocationSize = 5, initialValue = 100)
	static class ClassLevelGenerator {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "things_gen")
		Long id;

	}

	@Entity
	@Table(name = "b_things")
	static class GeneratorNamedButNotDeclared {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_seq")
		Long id;

	}

	@Entity
	@Table(name = "c_things")
	static class AutoUuid {

		@Id
		@GeneratedValue
		UUID id;

	}

	@Entity
	@Table(name = "d_things")
	static class AutoWithTableGenerator {

		@Id
		@GeneratedValue(generator = "tg")
		@TableGenerator(name = "tg")
		Long id;

	}

	@Entity
	@Table(name = "e_things")
	static class IdentityId {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

	}

	@Entity(name = "FThing")
	static class DefaultNames {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		int id;

		@Comment("")
		String blank;

	}

	@Test
	void sequencesFollowHibernate7() {
		SchemaSnapshot models = Models.fromClasses(List.of(ClassLevelGenerator.class, GeneratorNamedButNotDeclared.class,
				AutoUuid.class, AutoWithTableGenerator.class, IdentityId.class, DefaultNames.class));
		assertThat(models.sequencesKnown()).isTrue();
		assertThat(models.sequences()).containsExactly(
				// a generator without sequenceName: the generator's name
				new Sequence(null, "things_gen", 100, 5),
				// a generator named and declared nowhere: its name, JPA's allocation size
				new Sequence(null, "shared_seq", 1, 50),
				// SEQUENCE with no generator: <table>_seq (the table of entity FThing is fthing)
				new Sequence(null, "fthing_seq", 1, 50));
		assertThat(models.table("fthing").orElseThrow().column("blank").orElseThrow().comment())
			.as("an empty @Comment is none").isNull();
	}

}
