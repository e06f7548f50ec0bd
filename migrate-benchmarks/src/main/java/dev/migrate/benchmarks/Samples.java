package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Measured durations of one thing, in nanoseconds, with their median and range. */
final class Samples {

	private final List<Long> nanos = new ArrayList<>();

	void add(long nanos) {
		this.nanos.add(nanos);
	}

	boolean isEmpty() {
		return this.nanos.isEmpty();
	}

	int size() {
		return this.nanos.size();
	}

	double medianMillis() {
		List<Long> sorted = sorted();
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
		return median / 1_000_000.0;
	}

	double minMillis() {
		return sorted().get(0) / 1_000_000.0;
	}

	double maxMillis() {
		return sorted().get(this.nanos.size() - 1) / 1_000_000.0;
	}

	/** {@code median (min–max)} with a unit that suits the size. */
	String cell() {
		if (isEmpty()) {
			return "–";
		}
		return format(medianMillis()) + " (" + format(minMillis()) + "–" + format(maxMillis()) + ")";
	}

	static String format(double millis) {
		if (millis >= 1000) {
			return String.format(Locale.ROOT, "%.2f s", millis / 1000);
		}
		if (millis >= 10) {
			return String.format(Locale.ROOT, "%.0f ms", millis);
		}
		return String.format(Locale.ROOT, "%.1f ms", millis);
	}

	/** {@code a/b} of the medians, or – when either is missing. */
	static String ratio(Samples a, Samples b) {
		if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f×", a.medianMillis() / b.medianMillis());
	}

	private List<Long> sorted() {
		List<Long> sorted = new ArrayList<>(this.nanos);
		Collections.sort(sorted);
		return sorted;
	}

}
