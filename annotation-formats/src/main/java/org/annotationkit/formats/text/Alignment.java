package org.annotationkit.formats.text;

/**
 * What to do with a span whose ends do not fall on token boundaries, as spaCy's {@code
 * Doc.char_span(alignment_mode=...)} does.
 *
 * @since 0.1.0
 */
public enum Alignment {
  /** Drop the span (and report it). */
  STRICT,
  /** Widen it to every token it touches (and report it). */
  EXPAND,
  /** Narrow it to the tokens wholly inside it (and report it); dropped if there are none. */
  CONTRACT
}
