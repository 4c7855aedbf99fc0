package org.annotationkit.formats.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.item.TextOffsets;

/**
 * A text and its tokens, each token a {@code [start, end)} range of code points of the text. Tokens
 * are non-empty, ascending and do not overlap; what lies between them (whitespace, say) belongs to
 * no token.
 *
 * @since 0.1.0
 */
public final class Tokenization {
  private final TextOffsets offsets;
  private final int[] starts;
  private final int[] ends;

  private Tokenization(TextOffsets offsets, int[] starts, int[] ends) {
    this.offsets = offsets;
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * A tokenization given by code point ranges.
   *
   * @param text the text
   * @param starts the first code point of each token
   * @param ends the code point after each token
   * @return the tokenization
   * @throws IllegalArgumentException if the arrays differ in length, or a token is empty, leaves
   *     the text, or overlaps the one before
   */
  public static Tokenization of(String text, int[] starts, int[] ends) {
    TextOffsets offsets = TextOffsets.of(text);
    if (starts.length != ends.length) {
      throw new IllegalArgumentException(
          starts.length + " token starts but " + ends.length + " token ends");
    }
    int previousEnd = 0;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] < previousEnd || ends[i] <= starts[i] || ends[i] > offsets.length()) {
        throw new IllegalArgumentException(
            "token "
                + i
                + " ["
                + starts[i]
                + ", "
                + ends[i]
                + ") is empty, overlaps the token before, or leaves the text of "
                + offsets.length()
                + " code points");
      }
      previousEnd = ends[i];
    }
    return new Tokenization(offsets, starts.clone(), ends.clone());
  }

  /**
   * The tokens joined by one space, the text CoNLL files stand for (FORMATS.md convention 9).
   *
   * @param tokens the tokens, each non-empty
   * @return the tokenization of the joined text
   * @throws IllegalArgumentException if a token is empty
   */
  public static Tokenization joined(List<String> tokens) {
    StringBuilder text = new StringBuilder();
    int[] starts = new int[tokens.size()];
    int[] ends = new int[tokens.size()];
    int position = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.isEmpty()) {
        throw new IllegalArgumentException("token " + i + " is empty");
      }
      if (i > 0) {
        text.append(' ');
        position++;
      }
      text.append(token);
      starts[i] = position;
      position += token.codePointCount(0, token.length());
      ends[i] = position;
    }
    return new Tokenization(TextOffsets.of(text.toString()), starts, ends);
  }

  /**
   * The text.
   *
   * @return the text
   */
  public String text() {
    return offsets.text();
  }

  /**
   * The offsets of the text, to convert code points to UTF-16 indices.
   *
   * @return the offsets
   */
  public TextOffsets offsets() {
    return offsets;
  }

  /**
   * The number of tokens.
   *
   * @return the count
   */
  public int size() {
    return starts.length;
  }

  /**
   * The first code point of a token.
   *
   * @param token the token index
   * @return the code point offset
   */
  public int start(int token) {
    return starts[token];
  }

  /**
   * The code point after a token.
   *
   * @param token the token index
   * @return the code point offset
   */
  public int end(int token) {
    return ends[token];
  }

  /**
   * A token's text.
   *
   * @param token the token index
   * @return the text
   */
  public String token(int token) {
    return offsets.substring(starts[token], ends[token]);
  }

  /**
   * The texts of all tokens.
   *
   * @return the token texts, in order
   */
  public List<String> tokens() {
    List<String> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      out.add(token(i));
    }
    return List.copyOf(out);
  }

  /** The index of the first token whose end is after {@code offset}, or size() if none. */
  int firstEndingAfter(int offset) {
    int low = 0;
    int high = ends.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ends[mid] <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The index of the first token whose start is at or after {@code offset}, or size() if none. */
  int firstStartingAtOrAfter(int offset) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Equal when the texts and the token ranges are equal.
   *
   * @param other the object to compare with
   * @return whether equal
   */
  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof Tokenization that
        && offsets.equals(that.offsets)
        && Arrays.equals(starts, that.starts)
        && Arrays.equals(ends, that.ends);
  }

  /**
   * A hash of the text and ranges.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(offsets, Arrays.hashCode(starts), Arrays.hashCode(ends));
  }

  /**
   * The token count and text length.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "Tokenization[" + starts.length + " tokens, " + offsets + "]";
  }
}
