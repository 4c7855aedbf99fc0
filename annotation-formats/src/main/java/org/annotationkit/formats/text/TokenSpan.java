package org.annotationkit.formats.text;

import java.util.Objects;

/**
 * A labeled run of tokens, {@code [start, end)} in 0-based token indices.
 *
 * @param label the span's type, non-empty
 * @param start the first token, {@code >= 0}
 * @param end the token after the last, {@code > start}
 * @since 0.1.0
 */
public record TokenSpan(String label, int start, int end) implements Comparable<TokenSpan> {
  /** Checks the parts. */
  public TokenSpan {
    Objects.requireNonNull(label, "label");
    if (label.isEmpty()) {
      throw new IllegalArgumentException("label must not be empty");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "token span must satisfy 0 <= start < end, got [" + start + ", " + end + ")");
    }
  }

  /**
   * The number of tokens.
   *
   * @return {@code end - start}
   */
  public int length() {
    return end - start;
  }

  /**
   * Whether the two spans share a token.
   *
   * @param other another span
   * @return whether they overlap
   */
  public boolean overlaps(TokenSpan other) {
    return start < other.end && other.start < end;
  }

  /**
   * Orders by start, then end, then label.
   *
   * @param other another span
   * @return the comparison
   */
  @Override
  public int compareTo(TokenSpan other) {
    int c = Integer.compare(start, other.start);
    if (c == 0) {
      c = Integer.compare(end, other.end);
    }
    return c != 0 ? c : label.compareTo(other.label);
  }
}
