package org.annotationkit.formats.text;

import java.util.List;

/**
 * Spans carried to tokens, and what happened to the ones that did not carry over as they were.
 *
 * @param spans the token spans, ordered by start
 * @param problems the problems, in the order of the input spans
 * @since 0.1.0
 */
public record AlignedSpans(List<TokenSpan> spans, List<SpanProblem> problems) {
  /** Copies the lists. */
  public AlignedSpans {
    spans = List.copyOf(spans);
    problems = List.copyOf(problems);
  }
}
