package org.annotationkit.core.item;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * Converts offsets in one text between Unicode code points (how spans count) and UTF-16 code units
 * (how Java {@code String} indexes).
 *
 * <p>The two differ only after a supplementary character (an emoji, say), which takes two UTF-16
 * units but one code point. An instance precomputes where the supplementary characters of its text
 * start: when there are none, every conversion is the identity and costs O(1); otherwise a
 * conversion is a binary search over those positions, O(log s) for s supplementary characters.
 * Instances are immutable and thread-safe; build one per text and reuse it for all of its spans.
 *
 * <p>An unpaired surrogate counts as one code point, as in {@link String#codePointCount}.
 *
 * @since 0.1.0
 */
public final class TextOffsets {
  private static final int[] NONE = new int[0];

  private final String text;
  private final int length;

  /** The UTF-16 indices at which the supplementary code points of the text start, ascending. */
  private final int[] pairStarts;

  private TextOffsets(String text, int[] pairStarts) {
    this.text = text;
    this.pairStarts = pairStarts;
    this.length = text.length() - pairStarts.length;
  }

  /**
   * Prepares the conversions for a text, in one pass over it.
   *
   * @param text the text
   * @return the offsets of the text
   */
  public static TextOffsets of(String text) {
    Objects.requireNonNull(text, "text");
    int[] starts = NONE;
    int count = 0;
    int i = 0;
    while (i < text.length()) {
      if (Character.isHighSurrogate(text.charAt(i))
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, Math.max(8, count * 2));
        }
        starts[count++] = i;
        i += 2;
      } else {
        i++;
      }
    }
    return new TextOffsets(text, count == starts.length ? starts : Arrays.copyOf(starts, count));
  }

  /**
   * The text these offsets are for.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The length of the text in code points.
   *
   * @return the number of code points
   */
  public int length() {
    return length;
  }

  /**
   * Whether code point offsets and UTF-16 indices coincide (the text has no supplementary
   * characters).
   *
   * @return whether every conversion is the identity
   */
  public boolean isIdentity() {
    return pairStarts.length == 0;
  }

  /**
   * Converts a code point offset to the UTF-16 index of the same position.
   *
   * @param codePointOffset an offset in {@code [0, length()]}
   * @return the UTF-16 index, in {@code [0, text().length()]}
   * @throws IllegalArgumentException if the offset is negative or past the end of the text
   */
  public int toUtf16(int codePointOffset) {
    Require.nonNegative(codePointOffset, "code point offset");
    if (codePointOffset > length) {
      throw new IllegalArgumentException(
          "code point offset "
              + codePointOffset
              + " is past the end of the text ("
              + length
              + " code points)");
    }
    // Count the pairs that start before the offset: pair k starts at code point pairStarts[k] - k,
    // which grows strictly with k.
    int low = 0;
    int high = pairStarts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (pairStarts[mid] - mid < codePointOffset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return codePointOffset + low;
  }

  /**
   * Converts a UTF-16 index to the code point offset of the same position.
   *
   * @param utf16Index an index in {@code [0, text().length()]} that does not fall between the two
   *     halves of a surrogate pair
   * @return the code point offset, in {@code [0, length()]}
   * @throws IllegalArgumentException if the index is negative, past the end of the text, or splits
   *     a surrogate pair
   */
  public int toCodePoint(int utf16Index) {
    Require.nonNegative(utf16Index, "UTF-16 index");
    if (utf16Index > text.length()) {
      throw new IllegalArgumentException(
          "UTF-16 index "
              + utf16Index
              + " is past the end of the text ("
              + text.length()
              + " UTF-16 units)");
    }
    if (pairStarts.length == 0) {
      return utf16Index;
    }
    int found = Arrays.binarySearch(pairStarts, utf16Index);
    int before = found >= 0 ? found : -found - 1;
    if (found < 0 && before > 0 && pairStarts[before - 1] + 1 == utf16Index) {
      throw new IllegalArgumentException("UTF-16 index " + utf16Index + " splits a surrogate pair");
    }
    return utf16Index - before;
  }

  /**
   * The part of the text between two code point offsets.
   *
   * @param codePointStart the start offset, inclusive
   * @param codePointEnd the end offset, exclusive, {@code >= codePointStart}
   * @return the substring
   * @throws IllegalArgumentException if an offset is out of {@code [0, length()]} or the end is
   *     before the start
   */
  public String substring(int codePointStart, int codePointEnd) {
    if (codePointEnd < codePointStart) {
      throw new IllegalArgumentException(
          "codePointEnd must be >= codePointStart (" + codePointStart + "), got " + codePointEnd);
    }
    return text.substring(toUtf16(codePointStart), toUtf16(codePointEnd));
  }

  /**
   * Two instances are equal when they are for the same text.
   *
   * @param other the object to compare with
   * @return whether {@code other} holds the offsets of an equal text
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TextOffsets that && text.equals(that.text);
  }

  /**
   * A hash of the text.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * A short description with the text's lengths (not the text itself, which may be long).
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "TextOffsets[" + length + " code points, " + text.length() + " UTF-16 units]";
  }
}
