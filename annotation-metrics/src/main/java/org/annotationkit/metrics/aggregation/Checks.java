package org.annotationkit.metrics.aggregation;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Objects;

/** Argument checks the structured aggregations share. */
final class Checks {
  private Checks() {}

  @CanIgnoreReturnValue
  static String nonEmpty(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must be non-empty");
    }
    return value;
  }
}
