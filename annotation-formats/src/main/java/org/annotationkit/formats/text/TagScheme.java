package org.annotationkit.formats.text;

import java.util.Locale;

/**
 * A scheme of token tags for spans: {@code O} outside any span, {@code P-TYPE} inside a span of
 * type {@code TYPE} with a one-letter prefix {@code P}.
 *
 * @since 0.1.0
 */
public enum TagScheme {
  /**
   * IOB1 (the original CoNLL-2003 English data): {@code I-} on every token of a span, {@code B-}
   * only on the first token of a span that directly follows a span of the same type.
   */
  IOB1("BI"),
  /** IOB2: {@code B-} on the first token of every span, {@code I-} on the others. */
  IOB2("BI"),
  /**
   * BIOES, also called IOBES: {@code S-} on a one-token span, else {@code B-} first, {@code E-}
   * last and {@code I-} between.
   */
  BIOES("BIES"),
  /**
   * BILOU: BIOES renamed, {@code U-} (unit) for {@code S-} and {@code L-} (last) for {@code E-}.
   */
  BILOU("BILU");

  private final String prefixes;

  TagScheme(String prefixes) {
    this.prefixes = prefixes;
  }

  /**
   * Whether a prefix letter is one of this scheme's.
   *
   * @param prefix the letter before the dash
   * @return whether the scheme uses it
   */
  public boolean allows(char prefix) {
    return prefixes.indexOf(prefix) >= 0;
  }

  /**
   * The scheme of a name, case-insensitive: {@code iob1}, {@code iob2}, {@code bioes} (or {@code
   * iobes}), {@code bilou}.
   *
   * @param name the name
   * @return the scheme
   * @throws IllegalArgumentException if the name is none of these
   */
  public static TagScheme named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "iob1" -> IOB1;
      case "iob2", "bio" -> IOB2;
      case "bioes", "iobes" -> BIOES;
      case "bilou" -> BILOU;
      default ->
          throw new IllegalArgumentException(
              "unknown tag scheme '" + name + "', expected one of iob1, iob2, bioes, iobes, bilou");
    };
  }
}
