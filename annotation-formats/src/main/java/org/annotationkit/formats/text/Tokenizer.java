package org.annotationkit.formats.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Splits raw text into tokens, for writing a token format from text with spans.
 *
 * <ul>
 *   <li>{@link #WHITESPACE}: a token is a maximal run of code points that are not whitespace
 *       ({@link Character#isWhitespace} or a space separator such as U+00A0).
 *   <li>{@link #WORDS} (the default): also splits punctuation and symbols from words. A word is a
 *       maximal run of letters, digits and connector punctuation ({@code _}); every other non-space
 *       code point (punctuation, a symbol, an emoji) is a token of its own, and so is each Han,
 *       Hiragana or Katakana character, as those scripts put no spaces between words. Combining
 *       marks, variation selectors, emoji skin-tone modifiers, the zero-width joiner and the code
 *       point after a joiner stay in the token before them, and a flag's two regional indicators
 *       stay together, so {@code é} written as {@code e} + U+0301, a joined emoji and a flag are
 *       never split. {@code don't} gives {@code don}, {@code '}, {@code t}.
 * </ul>
 *
 * @since 0.1.0
 */
public enum Tokenizer {
  /** Tokens separated by whitespace. */
  WHITESPACE,
  /** Words, with punctuation, symbols and CJK characters as tokens of their own. */
  WORDS;

  /**
   * The tokenizer of a name: {@code whitespace} or {@code words}, case-insensitive.
   *
   * @param name the name
   * @return the tokenizer
   * @throws IllegalArgumentException if the name is neither
   */
  public static Tokenizer named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "whitespace" -> WHITESPACE;
      case "words" -> WORDS;
      default ->
          throw new IllegalArgumentException(
              "unknown tokenizer '" + name + "', expected whitespace or words");
    };
  }

  /**
   * Tokenizes a text.
   *
   * @param text the text
   * @return its tokens, in code points
   */
  public Tokenization tokenize(String text) {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count = 0;
    int cp = 0; // code point offset of index i
    int open = -1; // code point offset where the current token starts
    boolean openIsWord = false;
    boolean afterJoiner = false;
    boolean halfFlag = false; // the code point before is a regional indicator that starts a pair
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      boolean space = isSpace(c);
      if (space) {
        if (open >= 0) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
          }
          starts[count] = open;
          ends[count++] = cp;
          open = -1;
        }
        afterJoiner = false;
        halfFlag = false;
      } else if (this == WHITESPACE) {
        if (open < 0) {
          open = cp;
        }
      } else {
        boolean indicator = c >= 0x1F1E6 && c <= 0x1F1FF;
        boolean attach = open >= 0 && (afterJoiner || isExtender(c) || (indicator && halfFlag));
        boolean word = !attach && isWordChar(c);
        if (!attach && !(word && openIsWord && open >= 0)) {
          if (open >= 0) {
            if (count == starts.length) {
              starts = Arrays.copyOf(starts, count * 2);
              ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = open;
            ends[count++] = cp;
          }
          open = cp;
          openIsWord = word;
        }
        afterJoiner = c == 0x200D;
        halfFlag = indicator && !halfFlag;
      }
      i += Character.charCount(c);
      cp++;
    }
    if (open >= 0) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count + 1);
        ends = Arrays.copyOf(ends, count + 1);
      }
      starts[count] = open;
      ends[count++] = cp;
    }
    return Tokenization.of(text, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
  }

  /**
   * The characters of the Basic Multilingual Plane that are {@link Character#isWhitespace} or
   * {@link Character#isSpaceChar}, one bit each, computed from those methods once.
   */
  private static final long[] BMP_SPACES = new long[1 << 10];

  static {
    for (int c = 0; c < 1 << 16; c++) {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        BMP_SPACES[c >>> 6] |= 1L << c;
      }
    }
  }

  /** {@link Character#isWhitespace} or {@link Character#isSpaceChar}, from a table in the BMP. */
  static boolean isSpace(int c) {
    if (c < 1 << 16) {
      return (BMP_SPACES[c >>> 6] & 1L << c) != 0;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isWordChar(int c) {
    if (Character.isIdeographic(c)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
      return false;
    }
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.CONNECTOR_PUNCTUATION;
  }

  private static boolean isExtender(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || c == 0x200D
        || (c >= 0xFE00 && c <= 0xFE0F)
        || (c >= 0x1F3FB && c <= 0x1F3FF)
        || (c >= 0xE0020 && c <= 0xE007F);
  }
}
