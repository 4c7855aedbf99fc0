package org.annotationkit.metrics.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.annotation.SpanValue;
import org.jspecify.annotations.Nullable;

/**
 * Span-level voting over several annotators' labeled spans of one document: a span is kept when at
 * least {@code k} annotators marked overlapping spans of its label, and its boundaries are the
 * majority of their starts and of their ends.
 *
 * <p>Offsets are core's: {@code [start, end)} in Unicode code points ({@link SpanValue}). Per
 * label:
 *
 * <ol>
 *   <li>empty spans ({@code start == end}) are dropped: they cover no text;
 *   <li>the <em>cores</em> are the maximal stretches of text that spans of at least {@code k}
 *       distinct annotators cover. Intervals that overlap pairwise share a common point (Helly's
 *       theorem on the line), so a core exists exactly where {@code k} annotators marked mutually
 *       overlapping spans;
 *   <li>for each core, every annotator contributes the one span of the label that overlaps the core
 *       most (ties: the earlier start, then the earlier end); these are the span's supporters;
 *   <li>the start is the most frequent start among the supporters, ties broken by the smallest, and
 *       the end the most frequent end, ties broken by the largest (the widest of the tied
 *       candidates); should that start not precede that end, the core itself is the span;
 *   <li>cores that give the same span are one span, with the union of their supporters.
 * </ol>
 *
 * <p>The result is sorted by start, end and label, and depends neither on the order of the spans
 * nor on the annotators' names. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SpanVote {
  private final int minVotes;

  private SpanVote(int minVotes) {
    this.minVotes = minVotes;
  }

  /**
   * Keeps spans that at least {@code k} annotators marked.
   *
   * @param k the least number of annotators, {@code >= 1}
   * @return the vote
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static SpanVote atLeast(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    return new SpanVote(k);
  }

  /**
   * Keeps spans that strictly more than half of the annotators marked.
   *
   * @param annotatorCount how many annotators labeled the document, {@code >= 1}
   * @return the vote, {@code atLeast(annotatorCount / 2 + 1)}
   * @throws IllegalArgumentException if the count is below 1
   */
  public static SpanVote majorityOf(int annotatorCount) {
    if (annotatorCount < 1) {
      throw new IllegalArgumentException("annotatorCount must be >= 1, got " + annotatorCount);
    }
    return new SpanVote(annotatorCount / 2 + 1);
  }

  /**
   * One annotator's span.
   *
   * @param annotator the annotator's id, non-empty
   * @param span the labeled span, in code points
   * @since 0.1.0
   */
  public record AnnotatorSpan(String annotator, SpanValue span) {
    /** Checks the parts. */
    public AnnotatorSpan {
      Checks.nonEmpty(annotator, "annotator");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * A kept span.
   *
   * @param label the label
   * @param start the first code point
   * @param end the code point after the last, {@code > start}
   * @param annotators the supporters' ids, sorted; at least {@code k}
   * @since 0.1.0
   */
  public record VotedSpan(String label, int start, int end, List<String> annotators) {
    /** Copies the annotators. */
    public VotedSpan {
      Objects.requireNonNull(label, "label");
      annotators = List.copyOf(annotators);
    }

    /**
     * How many annotators support the span.
     *
     * @return the count
     */
    public int support() {
      return annotators.size();
    }

    /**
     * The span as a core value.
     *
     * @return a span value without text or attributes
     */
    public SpanValue toSpanValue() {
      return new SpanValue(label, start, end);
    }
  }

  /**
   * Votes the spans of one document.
   *
   * @param spans every annotator's spans, in any order
   * @return the kept spans, by start, end and label
   */
  public List<VotedSpan> vote(List<AnnotatorSpan> spans) {
    Objects.requireNonNull(spans, "spans");
    Map<String, List<AnnotatorSpan>> byLabel = new TreeMap<>();
    for (AnnotatorSpan s : spans) {
      Objects.requireNonNull(s, "spans element");
      if (s.span().end() > s.span().start()) {
        byLabel.computeIfAbsent(s.span().label(), k -> new ArrayList<>()).add(s);
      }
    }
    List<VotedSpan> out = new ArrayList<>();
    for (var entry : byLabel.entrySet()) {
      voteLabel(entry.getKey(), entry.getValue(), out);
    }
    out.sort(
        Comparator.comparingInt(VotedSpan::start)
            .thenComparingInt(VotedSpan::end)
            .thenComparing(VotedSpan::label));
    return List.copyOf(out);
  }

  private void voteLabel(String label, List<AnnotatorSpan> spans, List<VotedSpan> out) {
    TreeMap<String, List<int[]>> byAnnotator = new TreeMap<>();
    for (AnnotatorSpan s : spans) {
      byAnnotator
          .computeIfAbsent(s.annotator(), k -> new ArrayList<>())
          .add(new int[] {s.span().start(), s.span().end()});
    }
    if (byAnnotator.size() < minVotes) {
      return;
    }
    List<String> names = new ArrayList<>(byAnnotator.keySet());
    List<List<int[]>> perAnnotator = new ArrayList<>(byAnnotator.values());
    // Events: position, annotator index, +1 / -1; sorted by position.
    long[] events = new long[spans.size() * 2];
    int e = 0;
    for (int a = 0; a < names.size(); a++) {
      for (int[] s : perAnnotator.get(a)) {
        events[e++] = ((long) s[0] << 32) | ((long) a << 1) | 1;
        events[e++] = ((long) s[1] << 32) | ((long) a << 1);
      }
    }
    Arrays.sort(events);
    int[] active = new int[names.size()];
    int covering = 0;
    List<int[]> cores = new ArrayList<>();
    int coreStart = -1;
    int i = 0;
    while (i < e) {
      int position = (int) (events[i] >>> 32);
      while (i < e && (int) (events[i] >>> 32) == position) {
        int a = (int) ((events[i] & 0xffffffffL) >>> 1);
        if ((events[i] & 1) == 1) {
          covering += active[a]++ == 0 ? 1 : 0;
        } else {
          covering -= --active[a] == 0 ? 1 : 0;
        }
        i++;
      }
      if (covering >= minVotes && coreStart < 0) {
        coreStart = position;
      } else if (covering < minVotes && coreStart >= 0) {
        cores.add(new int[] {coreStart, position});
        coreStart = -1;
      }
    }
    Map<Long, TreeSet<String>> kept = new TreeMap<>();
    for (int[] core : cores) {
      List<String> supporters = new ArrayList<>();
      TreeMap<Integer, Integer> starts = new TreeMap<>();
      TreeMap<Integer, Integer> ends = new TreeMap<>();
      for (int a = 0; a < names.size(); a++) {
        int @Nullable [] best = null;
        int bestOverlap = 0;
        for (int[] s : perAnnotator.get(a)) {
          int overlap = Math.min(s[1], core[1]) - Math.max(s[0], core[0]);
          if (overlap > bestOverlap
              || (overlap == bestOverlap
                  && best != null
                  && (s[0] < best[0] || (s[0] == best[0] && s[1] < best[1])))) {
            best = s;
            bestOverlap = overlap;
          }
        }
        if (best != null) {
          supporters.add(names.get(a));
          starts.merge(best[0], 1, Integer::sum);
          ends.merge(best[1], 1, Integer::sum);
        }
      }
      int start = mode(starts, false);
      int end = mode(ends, true);
      if (start >= end) {
        start = core[0];
        end = core[1];
      }
      kept.computeIfAbsent(((long) start << 32) | end, k -> new TreeSet<>()).addAll(supporters);
    }
    for (var k : kept.entrySet()) {
      out.add(
          new VotedSpan(
              label,
              (int) (k.getKey() >>> 32),
              (int) (k.getKey() & 0xffffffffL),
              List.copyOf(k.getValue())));
    }
  }

  /** The most frequent value; ties go to the smallest, or the largest when {@code largest}. */
  private static int mode(NavigableMap<Integer, Integer> counts, boolean largest) {
    int best = 0;
    int bestCount = 0;
    for (var c : counts.entrySet()) {
      if (c.getValue() > bestCount || (largest && c.getValue() == bestCount)) {
        best = c.getKey();
        bestCount = c.getValue();
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "SpanVote[at least " + minVotes + "]";
  }
}
