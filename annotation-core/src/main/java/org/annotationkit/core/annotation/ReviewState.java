package org.annotationkit.core.annotation;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an annotation stands in review.
 *
 * @since 0.1.0
 */
public enum ReviewState {
  /** Not reviewed yet. */
  UNREVIEWED,
  /** A reviewer accepted it as it is. */
  ACCEPTED,
  /** A reviewer rejected it. */
  REJECTED,
  /** A reviewer changed it; this is the corrected version. */
  CORRECTED;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /**
   * The state's name in canonical JSON: the constant's name in lower case, such as {@code
   * "unreviewed"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Finds a state by its {@linkplain #jsonName() JSON name}.
   *
   * @param jsonName a name such as {@code "accepted"}
   * @return the state, or empty when no state has that name
   */
  public static Optional<ReviewState> ofJsonName(String jsonName) {
    Objects.requireNonNull(jsonName, "jsonName");
    for (ReviewState state : values()) {
      if (state.jsonName.equals(jsonName)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
