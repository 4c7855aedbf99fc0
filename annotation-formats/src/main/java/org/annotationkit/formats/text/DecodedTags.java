package org.annotationkit.formats.text;

import java.util.List;

/**
 * The spans of one tag sequence and the repairs made to find them.
 *
 * @param spans the spans, ordered by start, non-overlapping
 * @param repairs the repairs, ordered by token
 * @since 0.1.0
 */
public record DecodedTags(List<TokenSpan> spans, List<TagRepair> repairs) {
  /** Copies the lists. */
  public DecodedTags {
    spans = List.copyOf(spans);
    repairs = List.copyOf(repairs);
  }
}
