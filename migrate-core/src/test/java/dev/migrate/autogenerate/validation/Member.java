package dev.migrate.autogenerate.validation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

/**
 * Bean Validation constraints Hibernate 7 applies to the DDL when a provider is present: checks
 * ({@code @Min}, {@code @Max}, {@code @Range}), lengths ({@code @Size}, {@code @Length}), precision
 * and scale ({@code @Digits}); a constraint of another group makes nothing.
 */
@Entity
@Table(name = "members")
public class Member {

	/** A validation group other than the default one. */
	public interface Strict {

	}

	@Id
	private Long id;

	@Min(18)
	@Max(130)
	private Integer age;

	@Range(min = -5, max = 5)
	private int score;

	@Size(max = 40)
	@Column(length = 100)
	private String name;

	@Length(max = 12)
	private String code;

	@Digits(integer = 5, fraction = 2)
	private BigDecimal amount;

	@Min(value = 1, groups = Strict.class)
	private Integer rank;

}
