package org.annotationkit.core.task;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** An {@link InstantSource} that moves only when a test says so. Thread-safe. */
final class ManualClock implements InstantSource {
  private volatile Instant now;

  ManualClock(Instant start) {
    this.now = start;
  }

  ManualClock() {
    this(Instant.parse("2026-03-01T09:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now;
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }
}
