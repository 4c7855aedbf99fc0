package org.annotationkit.core.annotation;

import java.util.Optional;
import org.annotationkit.core.internal.JsonNames;

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

  private static final JsonNames<ReviewState> NAMES = JsonNames.lowerCase(ReviewState.class);

  /**
   * The state's name in canonical JSON: the constant's name in lower case, such as {@code
   * "unreviewed"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return NAMES.name(this);
  }

  /**
   * Finds a state by its {@linkplain #jsonName() JSON name}.
   *
   * @param jsonName a name such as {@code "accepted"}
   * @return the state, or empty when no state has that name
   */
  public static Optional<ReviewState> ofJsonName(String jsonName) {
    return NAMES.find(jsonName);
  }
}
