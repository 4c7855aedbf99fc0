package org.annotationkit.metrics.structured;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.RaterPairs;
import org.annotationkit.metrics.agreement.Weights;

/**
 * Agreement between two annotators' labelled spans of a text: exact-match F1 (same start, end and
 * label), partial-overlap F1 (spans of the same label that overlap, matched one to one by the
 * optimal assignment on their overlap), and token-level Cohen's kappa (each position labelled with
 * the span covering it, or "O"), per label and per document.
 *
 * @since 0.1.0
 */
public final class SpanAgreement {
  private SpanAgreement() {}

  /** The label of a position no span covers, in token-level kappa. */
  public static final String OUTSIDE = "O";

  /**
   * A labelled span {@code [start, end)}.
   *
   * @param start the first position
   * @param end the position after the last, {@code > start}
   * @param label the label
   */
  public record Span(int start, int end, String label) {
    /** Checks the span. */
    public Span {
      Objects.requireNonNull(label, "label");
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException(
            "a span needs 0 <= start < end, got [" + start + ", " + end + ")");
      }
    }

    boolean overlaps(Span other) {
      return start < other.end && other.start < end;
    }

    int overlap(Span other) {
      return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }
  }

  /**
   * Matched counts: F1 is {@code 2 matched / (spansA + spansB)}.
   *
   * @param matched the matched pairs
   * @param spansA the first annotator's spans
   * @param spansB the second's
   */
  public record Counts(int matched, int spansA, int spansB) {
    /**
     * F1, symmetric in the annotators.
     *
     * @return F1, 1 when neither marked a span
     */
    public double f1() {
      int total = spansA + spansB;
      return total == 0 ? 1 : 2.0 * matched / total;
    }

    /**
     * The share of the first annotator's spans matched.
     *
     * @return precision, NaN without spans
     */
    public double precision() {
      return spansA == 0 ? Double.NaN : matched / (double) spansA;
    }

    /**
     * The share of the second annotator's spans matched.
     *
     * @return recall, NaN without spans
     */
    public double recall() {
      return spansB == 0 ? Double.NaN : matched / (double) spansB;
    }

    Counts plus(Counts other) {
      return new Counts(matched + other.matched, spansA + other.spansA, spansB + other.spansB);
    }
  }

  /**
   * Exact matches: spans with the same start, end and label.
   *
   * @param a the first annotator's spans
   * @param b the second's
   * @return the counts
   */
  public static Counts exact(List<Span> a, List<Span> b) {
    List<Span> rest = new ArrayList<>(b);
    int matched = 0;
    for (Span span : a) {
      if (rest.remove(span)) {
        matched++;
      }
    }
    return new Counts(matched, a.size(), b.size());
  }

  /**
   * Partial matches: spans of the same label that overlap, one to one, chosen to maximise the total
   * overlap.
   *
   * @param a the first annotator's spans
   * @param b the second's
   * @return the counts
   */
  public static Counts partial(List<Span> a, List<Span> b) {
    int n = a.size();
    int m = b.size();
    if (n == 0 || m == 0) {
      return new Counts(0, n, m);
    }
    double[] score = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        Span x = a.get(i);
        Span y = b.get(j);
        score[i * m + j] = x.label().equals(y.label()) ? x.overlap(y) : 0;
      }
    }
    int[] match = Assignment.maximise(score, n, m);
    int matched = 0;
    for (int i = 0; i < n; i++) {
      if (match[i] >= 0 && score[i * m + match[i]] > 0) {
        matched++;
      }
    }
    return new Counts(matched, n, m);
  }

  /**
   * Exact or partial counts for each label.
   *
   * @param a the first annotator's spans
   * @param b the second's
   * @param partial whether overlaps count
   * @return counts per label, in sorted order of the labels
   */
  public static Map<String, Counts> perLabel(List<Span> a, List<Span> b, boolean partial) {
    TreeSet<String> labels = new TreeSet<>();
    a.forEach(span -> labels.add(span.label()));
    b.forEach(span -> labels.add(span.label()));
    Map<String, Counts> out = new LinkedHashMap<>();
    for (String label : labels) {
      List<Span> x = a.stream().filter(span -> span.label().equals(label)).toList();
      List<Span> y = b.stream().filter(span -> span.label().equals(label)).toList();
      out.put(label, partial ? partial(x, y) : exact(x, y));
    }
    return out;
  }

  /**
   * Token-level Cohen's kappa over documents: each position of each document gets the label of the
   * span covering it (or {@link #OUTSIDE}) for each annotator.
   *
   * @param lengths the length of each document, in positions
   * @param a the first annotator's spans of each document
   * @param b the second's
   * @return kappa over every position
   * @throws IllegalArgumentException if a span leaves its document or two of one annotator overlap
   */
  public static Agreement tokenKappa(
      List<Integer> lengths, List<List<Span>> a, List<List<Span>> b) {
    TreeSet<String> labels = new TreeSet<>();
    a.forEach(spans -> spans.forEach(span -> labels.add(span.label())));
    b.forEach(spans -> spans.forEach(span -> labels.add(span.label())));
    labels.remove(OUTSIDE);
    List<String> order = new ArrayList<>();
    order.add(OUTSIDE);
    order.addAll(labels);
    LabelCoding coding = LabelCoding.of(order);
    int q = coding.size();
    long[][] table = new long[q][q];
    for (int d = 0; d < lengths.size(); d++) {
      int[] x = positions(lengths.get(d), a.get(d), coding);
      int[] y = positions(lengths.get(d), b.get(d), coding);
      for (int i = 0; i < x.length; i++) {
        table[x[i]][y[i]]++;
      }
    }
    Agreement kappa = RaterPairs.cohen(table, Weights.identity(q));
    return new Agreement(
        "token-kappa",
        kappa.value(),
        kappa.undefinedReason(),
        kappa.units(),
        kappa.raters(),
        kappa.se(),
        kappa.seH0(),
        kappa.ci(),
        kappa.perCategory());
  }

  private static int[] positions(int length, List<Span> spans, LabelCoding coding) {
    int[] out = new int[length];
    Arrays.fill(out, -1);
    for (Span span : spans) {
      if (span.end() > length) {
        throw new IllegalArgumentException(
            "span " + span + " leaves its document of length " + length);
      }
      int code = coding.code(span.label());
      for (int i = span.start(); i < span.end(); i++) {
        if (out[i] >= 0) {
          throw new IllegalArgumentException(
              "two spans of one annotator cover position " + i + " (token kappa needs flat spans)");
        }
        out[i] = code;
      }
    }
    for (int i = 0; i < length; i++) {
      if (out[i] < 0) {
        out[i] = 0;
      }
    }
    return out;
  }

  /**
   * Exact or partial F1 per document.
   *
   * @param documents the document ids
   * @param a the first annotator's spans of each document
   * @param b the second's
   * @param partial whether overlaps count
   * @return counts per document, in the given order, and their total under the key {@code "*"}
   */
  public static Map<String, Counts> perDocument(
      List<String> documents, List<List<Span>> a, List<List<Span>> b, boolean partial) {
    Map<String, Counts> out = new LinkedHashMap<>();
    Counts total = new Counts(0, 0, 0);
    for (int d = 0; d < documents.size(); d++) {
      Counts counts = partial ? partial(a.get(d), b.get(d)) : exact(a.get(d), b.get(d));
      out.put(documents.get(d), counts);
      total = total.plus(counts);
    }
    out.put("*", total);
    return out;
  }
}
