package org.annotationkit.formats.text;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.SpanValue;

/**
 * A span that could not be carried to tokens as it was.
 *
 * @param span the span as given, in code points
 * @param kind what happened to it
 * @param result the token span it became, when it was kept
 * @param keptInstead for {@link Kind#OVERLAPS}, the kept span it overlapped
 * @since 0.1.0
 */
public record SpanProblem(
    SpanValue span, Kind kind, Optional<TokenSpan> result, Optional<TokenSpan> keptInstead) {
  /** Checks the parts. */
  public SpanProblem {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(keptInstead, "keptInstead");
  }

  /**
   * Whether the span was left out.
   *
   * @return whether no token span was made of it
   */
  public boolean dropped() {
    return result.isEmpty();
  }

  /**
   * What happened to a span.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** Its ends are not on token boundaries and the alignment is strict: dropped. */
    MISALIGNED,
    /** Its ends are not on token boundaries: widened to the tokens it touches. */
    EXPANDED,
    /** Its ends are not on token boundaries: narrowed to the tokens inside it. */
    CONTRACTED,
    /** It covers no whole token (empty, whitespace only, or inside one token when contracting). */
    NO_TOKEN,
    /** It reaches past the end of the text: dropped. */
    OUTSIDE_TEXT,
    /** It overlaps a longer kept span and the format cannot hold both: dropped. */
    OVERLAPS
  }
}
