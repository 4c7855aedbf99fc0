package org.annotationkit.formats;

import java.util.Objects;

/**
 * Something a conversion could not carry, or changed: which object, what was lost, and why.
 *
 * <p>{@code what} is a short fixed phrase, the same for every loss of its kind, so reports can be
 * grouped and counted ({@code "rotation dropped"}, {@code "polygon reduced to its box"}, {@code
 * "crowd mask skipped"}, {@code "attribute dropped"}, {@code "box clipped to the image"}); {@code
 * reason} says why for this object, with the values involved.
 *
 * @param object what the loss is about
 * @param what what was lost or changed
 * @param reason why, for this object
 * @since 0.1.0
 */
public record Loss(LossObject object, String what, String reason) {
  /** Checks the parts. */
  public Loss {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(reason, "reason");
    if (what.isBlank()) {
      throw new IllegalArgumentException("what must not be blank");
    }
  }

  @Override
  public String toString() {
    return object + ": " + what + " (" + reason + ")";
  }
}
