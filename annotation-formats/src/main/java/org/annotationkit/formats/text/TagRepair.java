package org.annotationkit.formats.text;

import java.util.Objects;

/**
 * One repair of an invalid tag sequence: where it was, what was wrong, and what became of the span.
 *
 * @param token the 0-based index of the offending token in its sentence
 * @param tag the offending tag
 * @param flaw what was wrong
 * @param span the span the lenient reading makes of it
 * @param dropped whether the span was left out (strict decoding) rather than kept (lenient)
 * @since 0.1.0
 */
public record TagRepair(int token, String tag, TagFlaw flaw, TokenSpan span, boolean dropped) {
  /** Checks the parts. */
  public TagRepair {
    if (token < 0) {
      throw new IllegalArgumentException("token must be >= 0, got " + token);
    }
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(flaw, "flaw");
    Objects.requireNonNull(span, "span");
  }

  /**
   * A sentence for a person: {@code token 3 'I-PER': BEGIN_MISSING_AFTER_OUTSIDE, span PER [3, 5)
   * kept}.
   *
   * @return the description
   */
  public String describe() {
    return "token "
        + token
        + " '"
        + tag
        + "': "
        + flaw
        + ", span "
        + span.label()
        + " ["
        + span.start()
        + ", "
        + span.end()
        + ") "
        + (dropped ? "dropped" : "kept");
  }
}
