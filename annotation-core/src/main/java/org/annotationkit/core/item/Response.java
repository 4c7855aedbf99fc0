package org.annotationkit.core.item;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * One model output in a {@link ComparisonItem}: what preferences and rankings refer to by id.
 *
 * @param id the response's id, non-empty and unique within its comparison
 * @param text the output, possibly empty
 * @param model the model that produced it, if known (non-empty when present)
 * @since 0.1.0
 */
public record Response(String id, String text, Optional<String> model) {
  /** Checks the parts. */
  public Response {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(text, "text");
    Require.nonEmpty(model, "model");
  }

  /**
   * A response from an unnamed model.
   *
   * @param id the response's id, non-empty
   * @param text the output, possibly empty
   */
  public Response(String id, String text) {
    this(id, text, Optional.empty());
  }
}
