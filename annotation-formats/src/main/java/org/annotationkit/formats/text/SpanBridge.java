package org.annotationkit.formats.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.SpanValue;

/**
 * Carries spans in code points over a text to token spans of its {@link Tokenization} and back.
 *
 * <p>A span aligns when it starts where a token starts and ends where a token ends. Any other span
 * is reported as a {@link SpanProblem} and, by the {@link Alignment}, dropped, expanded or
 * contracted: never silently re-tagged. When the target cannot hold overlapping spans (a tag
 * sequence), the longest span is kept (most tokens; on a tie, the one that starts first, as spaCy's
 * {@code filter_spans}) and each span that overlaps a kept one is dropped and reported.
 *
 * @since 0.1.0
 */
public final class SpanBridge {
  private SpanBridge() {}

  /**
   * Carries spans to tokens.
   *
   * @param tokens the tokenization of the text the spans point into
   * @param spans the spans, in code points
   * @param alignment what to do with spans that do not align
   * @param allowOverlap whether the target can hold overlapping spans
   * @return the token spans and the problems
   */
  public static AlignedSpans toTokens(
      Tokenization tokens, List<SpanValue> spans, Alignment alignment, boolean allowOverlap) {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(alignment, "alignment");
    List<SpanProblem> problems = new ArrayList<>();
    List<TokenSpan> aligned = new ArrayList<>();
    List<SpanValue> sources = new ArrayList<>();
    int length = tokens.offsets().length();
    for (SpanValue span : spans) {
      if (span.end() > length) {
        problems.add(problem(span, SpanProblem.Kind.OUTSIDE_TEXT));
        continue;
      }
      int first = tokens.firstEndingAfter(span.start());
      int afterLast = tokens.firstStartingAtOrAfter(span.end());
      if (span.start() == span.end() || first >= afterLast) {
        problems.add(problem(span, SpanProblem.Kind.NO_TOKEN));
        continue;
      }
      boolean exact =
          tokens.start(first) == span.start() && tokens.end(afterLast - 1) == span.end();
      TokenSpan result;
      if (exact) {
        result = new TokenSpan(span.label(), first, afterLast);
      } else if (alignment == Alignment.STRICT) {
        problems.add(problem(span, SpanProblem.Kind.MISALIGNED));
        continue;
      } else if (alignment == Alignment.EXPAND) {
        result = new TokenSpan(span.label(), first, afterLast);
        problems.add(
            new SpanProblem(
                span, SpanProblem.Kind.EXPANDED, Optional.of(result), Optional.empty()));
      } else {
        int from = tokens.start(first) < span.start() ? first + 1 : first;
        int to = tokens.end(afterLast - 1) > span.end() ? afterLast - 1 : afterLast;
        if (from >= to) {
          problems.add(problem(span, SpanProblem.Kind.NO_TOKEN));
          continue;
        }
        result = new TokenSpan(span.label(), from, to);
        problems.add(
            new SpanProblem(
                span, SpanProblem.Kind.CONTRACTED, Optional.of(result), Optional.empty()));
      }
      aligned.add(result);
      sources.add(span);
    }
    if (allowOverlap) {
      aligned.sort(null);
      return new AlignedSpans(aligned, problems);
    }
    Integer[] order = new Integer[aligned.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(i -> -aligned.get(i).length())
            .thenComparingInt(i -> aligned.get(i).start()));
    List<TokenSpan> kept = new ArrayList<>();
    for (int index : order) {
      TokenSpan candidate = aligned.get(index);
      Optional<TokenSpan> conflict = Optional.empty();
      for (TokenSpan other : kept) {
        if (candidate.overlaps(other)) {
          conflict = Optional.of(other);
          break;
        }
      }
      if (conflict.isPresent()) {
        problems.add(
            new SpanProblem(
                sources.get(index), SpanProblem.Kind.OVERLAPS, Optional.empty(), conflict));
        // A span dropped for overlap that had been expanded or contracted keeps that report too.
      } else {
        kept.add(candidate);
      }
    }
    kept.sort(null);
    return new AlignedSpans(kept, problems);
  }

  private static SpanProblem problem(SpanValue span, SpanProblem.Kind kind) {
    return new SpanProblem(span, kind, Optional.empty(), Optional.empty());
  }

  /**
   * Carries token spans back to code points, with the covered text recorded.
   *
   * @param tokens the tokenization the spans index
   * @param spans the token spans
   * @return the spans in code points, in the same order
   * @throws IllegalArgumentException if a span reaches past the last token
   */
  public static List<SpanValue> toCharacters(Tokenization tokens, List<TokenSpan> spans) {
    List<SpanValue> out = new ArrayList<>(spans.size());
    for (TokenSpan span : spans) {
      if (span.end() > tokens.size()) {
        throw new IllegalArgumentException(
            "span " + span + " reaches past the " + tokens.size() + " tokens");
      }
      int start = tokens.start(span.start());
      int end = tokens.end(span.end() - 1);
      out.add(
          new SpanValue(
              span.label(), start, end, Optional.of(tokens.offsets().substring(start, end))));
    }
    return List.copyOf(out);
  }
}
