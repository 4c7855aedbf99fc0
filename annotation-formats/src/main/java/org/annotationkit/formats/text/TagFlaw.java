package org.annotationkit.formats.text;

/**
 * What is wrong with a tag sequence at one token.
 *
 * @since 0.1.0
 */
public enum TagFlaw {
  /** An {@code I-} (or {@code E-}/{@code L-}) tag on the first token of a sentence. */
  BEGIN_MISSING_AT_SENTENCE_START,
  /** An {@code I-} (or {@code E-}/{@code L-}) tag right after {@code O}. */
  BEGIN_MISSING_AFTER_OUTSIDE,
  /** An {@code I-X} (or {@code E-X}/{@code L-X}) tag inside a span of another type. */
  TYPE_SWITCH,
  /**
   * BIOES/BILOU: an {@code I-X} or {@code E-X} tag right after a span of the same type has ended
   * ({@code E-X} or {@code S-X}).
   */
  BEGIN_MISSING_AFTER_END,
  /**
   * BIOES/BILOU: a span whose last token is not tagged {@code E-}/{@code L-} or {@code S-}/{@code
   * U-}.
   */
  END_MISSING,
  /** IOB1: a {@code B-X} tag that does not follow a span of type {@code X}. */
  BEGIN_NOT_NEEDED,
  /** A span the lenient reading finds and the strict one does not, for no reason above. */
  NOT_STRICT
}
