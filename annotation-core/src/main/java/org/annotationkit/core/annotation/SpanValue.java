package org.annotationkit.core.annotation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled span of text, {@code [start, end)} in Unicode code points (a named entity, say): a
 * result of a {@link FieldKind#SPAN} field. Code points are how the Python tools most labeling data
 * passes through count; {@link #fromUtf16} converts from Java {@code String} indices.
 *
 * @param label the label, non-empty
 * @param start the first code point, {@code >= 0}
 * @param end the code point after the last, {@code >= start}; {@code start == end} is an empty span
 * @param text the covered text as the annotator saw it, if recorded (the validator may compare it
 *     with the item's text)
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record SpanValue(
    String label, int start, int end, Optional<String> text, Map<String, AttributeValue> attributes)
    implements Value {
  /** Checks and copies the parts. */
  public SpanValue {
    Require.nonEmpty(label, "label");
    Require.nonNegative(start, "start");
    if (end < start) {
      throw new IllegalArgumentException("end must be >= start (" + start + "), got " + end);
    }
    Objects.requireNonNull(text, "text");
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled span with its covered text and no attributes.
   *
   * @param label the label, non-empty
   * @param start the first code point, {@code >= 0}
   * @param end the code point after the last, {@code >= start}
   * @param text the covered text, if recorded
   */
  public SpanValue(String label, int start, int end, Optional<String> text) {
    this(label, start, end, text, Map.of());
  }

  /**
   * A labeled span without covered text or attributes.
   *
   * @param label the label, non-empty
   * @param start the first code point, {@code >= 0}
   * @param end the code point after the last, {@code >= start}
   */
  public SpanValue(String label, int start, int end) {
    this(label, start, end, Optional.empty(), Map.of());
  }

  /**
   * A span given by Java {@code String} (UTF-16) indices into a document, converted to code points,
   * with the covered text recorded. To convert many spans of one document, prepare its {@link
   * TextOffsets} once and use {@link #fromUtf16(TextOffsets, int, int, String)}.
   *
   * @param documentText the whole text the indices point into
   * @param utf16Start the first UTF-16 index, inclusive
   * @param utf16End the UTF-16 index after the span, {@code >= utf16Start}
   * @param label the label, non-empty
   * @return the span in code points
   * @throws IllegalArgumentException if an index is outside the text, splits a surrogate pair, or
   *     the end is before the start
   */
  public static SpanValue fromUtf16(
      String documentText, int utf16Start, int utf16End, String label) {
    return fromUtf16(TextOffsets.of(documentText), utf16Start, utf16End, label);
  }

  /**
   * A span given by Java {@code String} (UTF-16) indices, converted with a document's prepared
   * offsets, with the covered text recorded.
   *
   * @param offsets the offsets of the whole text the indices point into
   * @param utf16Start the first UTF-16 index, inclusive
   * @param utf16End the UTF-16 index after the span, {@code >= utf16Start}
   * @param label the label, non-empty
   * @return the span in code points
   * @throws IllegalArgumentException if an index is outside the text, splits a surrogate pair, or
   *     the end is before the start
   */
  public static SpanValue fromUtf16(
      TextOffsets offsets, int utf16Start, int utf16End, String label) {
    Objects.requireNonNull(offsets, "offsets");
    Require.nonEmpty(label, "label");
    if (utf16End < utf16Start) {
      throw new IllegalArgumentException(
          "utf16End must be >= utf16Start (" + utf16Start + "), got " + utf16End);
    }
    int start = offsets.toCodePoint(utf16Start);
    int end = offsets.toCodePoint(utf16End);
    return new SpanValue(
        label, start, end, Optional.of(offsets.text().substring(utf16Start, utf16End)), Map.of());
  }

  /**
   * Returns {@link FieldKind#SPAN}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.SPAN;
  }
}
