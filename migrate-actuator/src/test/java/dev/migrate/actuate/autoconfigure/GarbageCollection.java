package dev.migrate.actuate.autoconfigure;

import java.lang.ref.WeakReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forces the condition a weakly held gauge state dies of: a collection that clears weak references.
 */
public final class GarbageCollection {

	private GarbageCollection() {
	}

	/**
	 * Collects garbage until a freshly made, weakly held object is gone, so every other object
	 * reachable only weakly is gone too; fails if the JVM never clears it.
	 */
	public static void clearWeakReferences() {
		WeakReference<Object> canary = new WeakReference<>(new Object());
		for (int i = 0; i < 100 && canary.get() != null; i++) {
			System.gc();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		assertThat(canary.get()).as("a weak reference cleared by System.gc()").isNull();
	}

}
