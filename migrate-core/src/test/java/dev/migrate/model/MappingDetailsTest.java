package dev.migrate.model;

import java.io.Serializable;
import java.util.Date;
import java.util.List;

import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Less common JPA mappings, each read as Hibernate 7 would create them. */
class MappingDetailsTest {

	@Test
	void oneToOneOwningSideIsAUniqueForeignKeyAndTheInverseSideHasNoColumn() {
		SchemaSnapshot s = Models.fromClasses(List.of(Person.class, Passport.class));
		Table passport = s.table("passport").orElseThrow();
		assertThat(passport.column("holder_id")).hasValue(Column.of("holder_id", ColumnType.BIGINT));
		assertThat(passport.uniqueConstraints()).extracting(UniqueConstraint::columns).containsExactly(List.of("holder_id"));
		assertThat(passport.foreignKeys()).extracting(ForeignKey::referredTable).containsExactly("person");
		Table person = s.table("person").orElseThrow();
		assertThat(person.columns()).extracting(Column::name).containsExactly("id", "name");
	}

	@Test
	void joinedInheritanceGivesEachSubclassATableKeyedOnTheParent() {
		SchemaSnapshot s = Models.fromClasses(List.of(Vehicle.class, Truck.class));
		Table truck = s.table("truck").orElseThrow();
		assertThat(truck.columns()).extracting(Column::name).containsExactly("id", "payload");
		assertThat(truck.primaryKey().columns()).containsExactly("id");
		assertThat(truck.foreignKeys()).singleElement().satisfies((fk) -> {
			assertThat(fk.referredTable()).isEqualTo("vehicle");
			assertThat(fk.referredColumns()).containsExactly("id");
		});
		assertThat(s.table("vehicle").orElseThrow().columns()).extracting(Column::name).containsExactly("id", "wheels");
	}

	@Test
	void embeddedIdAttributeOverridesDiscriminatorTemporalLobAndColumnDefinition() {
		SchemaSnapshot s = Models.fromClasses(List.of(LineKey.Holder.class, Document.class, Document.Memo.class));
		Table holder = s.table("line_holder").orElseThrow();
		assertThat(holder.primaryKey().columns()).containsExactly("order_no", "line_no");
		assertThat(holder.column("order_no").orElseThrow().nullable()).isFalse();
		assertThat(holder.column("home_city").orElseThrow().type()).isEqualTo(ColumnType.string(80));
		Table doc = s.table("document").orElseThrow();
		assertThat(doc.column("kind")).hasValue(Column.of("kind", ColumnType.INTEGER).notNull());
		assertThat(doc.column("signed_on").orElseThrow().type()).isEqualTo(ColumnType.DATE);
		assertThat(doc.column("scan").orElseThrow().type()).isEqualTo(ColumnType.BINARY);
		assertThat(doc.column("thumbnail").orElseThrow().type()).isEqualTo(ColumnType.binary(255));
		assertThat(doc.column("search").orElseThrow().type()).isEqualTo(ColumnType.raw("tsvector"));
		assertThat(doc.column("title").orElseThrow().type()).isEqualTo(ColumnType.string(40));
		assertThat(doc.columns()).extracting(Column::name).doesNotContain("pages");
	}

	@Test
	void collectionsGetJoinAndCollectionTables() {
		SchemaSnapshot s = Models.fromClasses(List.of(Student.class, Course.class, Document.class, Document.Memo.class));
		Table enrolment = s.table("student_courses").orElseThrow();
		assertThat(enrolment.columns()).extracting(Column::name).containsExactly("students_id", "courses_id");
		assertThat(enrolment.primaryKey().columns()).containsExactly("students_id", "courses_id");
		assertThat(enrolment.foreignKeys()).extracting(ForeignKey::referredTable).containsExactly("student", "course");
		Table tags = s.table("student_tags").orElseThrow();
		assertThat(tags.columns()).containsExactly(Column.of("student_id", ColumnType.BIGINT).primaryKey(),
				Column.of("tags", ColumnType.string(30)).primaryKey());
		Table pages = s.table("document_pages").orElseThrow();
		assertThat(pages.columns()).extracting(Column::name).containsExactly("document_id", "pages_id");
		assertThat(pages.primaryKey()).as("a list is a bag: no key").isNull();
		assertThat(pages.uniqueConstraints()).extracting(UniqueConstraint::columns).containsExactly(List.of("pages_id"));
		assertThat(s.table("course").orElseThrow().columns()).extracting(Column::name).containsExactly("id", "student_id");
		assertThat(s.table("course").orElseThrow().foreignKeys()).extracting(ForeignKey::referredTable).isEmpty();
	}

	@Test
	void propertyAccessReadsGetters() {
		Table account = Models.fromClasses(List.of(Account.class)).table("account").orElseThrow();
		assertThat(account.columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("id", "active", "display_name", "city");
		assertThat(account.primaryKey().columns()).containsExactly("id");
		assertThat(account.column("display_name").orElseThrow().type()).isEqualTo(ColumnType.string(60));
		assertThat(account.column("active")).hasValue(Column.of("active", ColumnType.BOOLEAN).notNull());
	}

	@Entity
	static class Account {

		private Long key;

		private String shown;

		private boolean active;

		private Spot place;

		@Id
		public Long getId() {
			return this.key;
		}

		public void setId(Long id) {
			this.key = id;
		}

		@jakarta.persistence.Column(length = 60)
		public String getDisplayName() {
			return this.shown;
		}

		public boolean isActive() {
			return this.active;
		}

		@Embedded
		public Spot getPlace() {
			return this.place;
		}

		@jakarta.persistence.Transient
		public String getSummary() {
			return this.shown + this.active;
		}

		public static String getVersionLabel() {
			return "v";
		}

	}

	/** Takes its owner's property access: read through its getter. */
	@Embeddable
	static class Spot {

		private String town;

		public String getCity() {
			return this.town;
		}

	}

	@Entity
	static class Student {

		@Id
		Long id;

		@jakarta.persistence.ManyToMany
		java.util.Set<Course> courses;

		@jakarta.persistence.ElementCollection
		@jakarta.persistence.Column(length = 30)
		java.util.Set<String> tags;

	}

	@Entity
	static class Course {

		@Id
		Long id;

		@jakarta.persistence.ManyToMany(mappedBy = "courses")
		java.util.Set<Student> students;

		@jakarta.persistence.Column(name = "student_id")
		Long studentId;

	}

	@Entity
	static class Person {

		@Id
		Long id;

		String name;

		@OneToOne(mappedBy = "holder")
		Passport passport;

	}

	@Entity
	static class Passport {

		@Id
		Long id;

		@OneToOne
		Person holder;

	}

	@Entity
	@Inheritance(strategy = InheritanceType.JOINED)
	static class Vehicle {

		@Id
		Long id;

		int wheels;

	}

	@Entity
	static class Truck extends Vehicle {

		Integer payload;

	}

	@Embeddable
	static class LineKey implements Serializable {

		Long orderNo;

		Integer lineNo;

		@Entity
		@jakarta.persistence.Table(name = "line_holder")
		static class Holder {

			@EmbeddedId
			LineKey key;

			@Embedded
			@AttributeOverride(name = "city", column = @jakarta.persistence.Column(name = "home_city", length = 80))
			Place home;

		}

	}

	@Embeddable
	static class Place {

		String city;

	}

	@Entity
	@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
	static class Document {

		@Id
		Long id;

		@Temporal(TemporalType.DATE)
		Date signedOn;

		@Lob
		byte[] scan;

		byte[] thumbnail;

		@jakarta.persistence.Column(columnDefinition = "tsvector")
		String search;

		@OneToMany
		List<Document> pages;

		@Entity
		static class Memo extends Document {

			@jakarta.persistence.Column(length = 40)
			String title;

		}

	}

}
