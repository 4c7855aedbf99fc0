package org.annotationkit.core.validation;

import java.io.Serial;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when an annotation does not satisfy its schema or item; carries every {@link Violation}
 * found, not just the first.
 *
 * <p>The message starts with the number of violations and lists the first 20 of them, one per line,
 * then says how many more there are. The full list is in {@link #violations()}.
 *
 * @since 0.1.0
 */
public final class ValidationException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  /** How many violations the message lists before it says "and N more". */
  static final int LISTED = 20;

  /** The violations, in the order the validator found them; never empty. */
  @SuppressWarnings("serial") // List.copyOf gives a serializable list of serializable records
  private final List<Violation> violations;

  /**
   * Creates an exception for the given violations.
   *
   * @param violations what was wrong, in the order found; at least one
   * @throws IllegalArgumentException if the list is empty
   */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Every violation found, in the order the validator reported them.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * The number of violations and the first 20 of them, one per line; never null.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }

  private static String describe(List<Violation> violations) {
    Objects.requireNonNull(violations, "violations");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty, got []");
    }
    int n = violations.size();
    StringBuilder message =
        new StringBuilder().append(n).append(n == 1 ? " violation" : " violations").append(':');
    int shown = Math.min(n, LISTED);
    for (int i = 0; i < shown; i++) {
      message.append("\n  ").append(Objects.requireNonNull(violations.get(i), "violation"));
    }
    if (n > shown) {
      message.append("\n  and ").append(n - shown).append(" more");
    }
    return message.toString();
  }
}
