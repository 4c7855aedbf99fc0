package org.annotationkit.store.jdbc;

import java.time.Instant;

/** Instants as the database keeps them: nanoseconds since the epoch, exact. */
final class Nanos {
  private Nanos() {}

  private static final long PER_SECOND = 1_000_000_000L;

  static long of(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "instant "
              + instant
              + " is outside the years 1678 to 2262 that the store keeps (nanoseconds in a bigint)",
          e);
    }
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, PER_SECOND), Math.floorMod(nanos, PER_SECOND));
  }
}
