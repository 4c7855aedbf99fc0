package org.annotationkit.core.task;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Iou;
import org.annotationkit.core.geometry.Shape;

/**
 * Decides whether an answer to a gold task matches the known answer.
 *
 * <p>{@link #standard()} and {@link #builder()} give the usual rules, field by field (a field that
 * only one of the two annotations answers is a mismatch):
 *
 * <ul>
 *   <li><b>choices</b> (single and multiple choice): the same set of labels, exactly;
 *   <li><b>regions</b> (boxes, polygons, masks): as many regions as the known answer, each matched
 *       one to one to a known region of the same label with an IoU of at least the {@linkplain
 *       Builder#iouThreshold(double) threshold} (greedy by IoU, highest first);
 *   <li><b>spans</b>: as many spans as the known answer, each matched one to one to a known span of
 *       the same label whose interval IoU (common code points over covered code points) is at least
 *       the {@linkplain Builder#spanThreshold(double) span threshold}; the default 1 asks for the
 *       same start and end;
 *   <li>every other value: the same values, in any order (result ids and scores ignored).
 * </ul>
 *
 * Implement the interface for other rules.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface GoldMatcher {

  /**
   * Whether an answer matches the known answer of a gold task.
   *
   * @param answer the annotator's answer
   * @param known the known answer
   * @return whether the answer counts as correct
   */
  boolean matches(Annotation answer, Annotation known);

  /**
   * The standard rules with an IoU threshold of 0.5 for regions and exact spans.
   *
   * @return the matcher
   */
  static GoldMatcher standard() {
    return builder().build();
  }

  /**
   * Starts a matcher with the standard rules, to change their thresholds.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Sets the thresholds of the standard rules. Not thread-safe.
   *
   * @since 0.1.0
   */
  final class Builder {
    private double iouThreshold = 0.5;
    private double spanThreshold = 1.0;

    private Builder() {}

    /**
     * Sets the least IoU at which a region matches a known one (default 0.5).
     *
     * @param threshold in {@code (0, 1]}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder iouThreshold(double threshold) {
      this.iouThreshold = requireThreshold(threshold, "iouThreshold");
      return this;
    }

    /**
     * Sets the least interval IoU at which a span matches a known one (default 1: exact).
     *
     * @param threshold in {@code (0, 1]}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder spanThreshold(double threshold) {
      this.spanThreshold = requireThreshold(threshold, "spanThreshold");
      return this;
    }

    /**
     * Builds the matcher.
     *
     * @return the matcher
     */
    public GoldMatcher build() {
      return new StandardMatcher(iouThreshold, spanThreshold);
    }

    private static double requireThreshold(double threshold, String name) {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException(name + " must be in (0, 1], got " + threshold);
      }
      return threshold;
    }
  }
}

/** The standard rules of {@link GoldMatcher}. */
record StandardMatcher(double iouThreshold, double spanThreshold) implements GoldMatcher {

  @Override
  public boolean matches(Annotation answer, Annotation known) {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(known, "known");
    Map<String, List<Value>> given = byField(answer);
    Map<String, List<Value>> expected = byField(known);
    if (!given.keySet().equals(expected.keySet())) {
      return false;
    }
    for (Map.Entry<String, List<Value>> field : expected.entrySet()) {
      List<Value> answered = given.get(field.getKey());
      if (answered == null || !fieldMatches(answered, field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<Value>> byField(Annotation annotation) {
    Map<String, List<Value>> fields = new TreeMap<>();
    for (Result result : annotation.results()) {
      fields.computeIfAbsent(result.field(), f -> new ArrayList<>()).add(result.value());
    }
    return fields;
  }

  private boolean fieldMatches(List<Value> given, List<Value> expected) {
    if (given.size() != expected.size()) {
      if (!isChoice(expected.get(0)) || !isChoice(given.get(0))) {
        return false;
      }
    }
    Value first = expected.get(0);
    if (isChoice(first)) {
      return labels(given).equals(labels(expected));
    }
    if (shape(first) != null) {
      return matchAll(given, expected, this::regionIou, iouThreshold);
    }
    if (first instanceof SpanValue) {
      return matchAll(given, expected, StandardMatcher::spanIou, spanThreshold);
    }
    return counts(given).equals(counts(expected));
  }

  private static boolean isChoice(Value value) {
    return value instanceof ChoiceValue || value instanceof MultipleChoiceValue;
  }

  private static TreeSet<String> labels(List<Value> values) {
    TreeSet<String> labels = new TreeSet<>();
    for (Value value : values) {
      switch (value) {
        case ChoiceValue c -> labels.add(c.label());
        case MultipleChoiceValue m -> labels.addAll(m.labels());
        default -> labels.add("\u0000" + value);
      }
    }
    return labels;
  }

  private static Map<Value, Integer> counts(List<Value> values) {
    Map<Value, Integer> counts = new HashMap<>();
    for (Value value : values) {
      counts.merge(value, 1, Integer::sum);
    }
    return counts;
  }

  private static @org.jspecify.annotations.Nullable Shape shape(Value value) {
    return switch (value) {
      case BoxValue b -> b.box();
      case PolygonValue p -> p.polygon();
      case MaskValue m -> m.mask();
      default -> null;
    };
  }

  private static String label(Value value) {
    return switch (value) {
      case BoxValue b -> b.label();
      case PolygonValue p -> p.label();
      case MaskValue m -> m.label();
      case SpanValue s -> s.label();
      default -> "";
    };
  }

  /** The IoU of two regions; 0 for a pair the IoU is not defined for (a mask and a box). */
  private double regionIou(Value a, Value b) {
    Shape sa = shape(a);
    Shape sb = shape(b);
    if (sa == null || sb == null) {
      return 0;
    }
    try {
      return Iou.of(sa, sb);
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  /** Common code points over covered code points; two empty spans at one offset match fully. */
  static double spanIou(Value a, Value b) {
    if (!(a instanceof SpanValue sa) || !(b instanceof SpanValue sb)) {
      return 0;
    }
    if (sa.start() == sb.start() && sa.end() == sb.end()) {
      return 1;
    }
    int common = Math.max(0, Math.min(sa.end(), sb.end()) - Math.max(sa.start(), sb.start()));
    int union = Math.max(sa.end(), sb.end()) - Math.min(sa.start(), sb.start());
    return union == 0 ? 0 : (double) common / union;
  }

  interface Similarity {
    double of(Value a, Value b);
  }

  /** Greedy one-to-one matching of same-label pairs by similarity, highest first. */
  private static boolean matchAll(
      List<Value> given, List<Value> expected, Similarity similarity, double threshold) {
    record Pair(int g, int e, double score) {}
    List<Pair> pairs = new ArrayList<>();
    for (int g = 0; g < given.size(); g++) {
      for (int e = 0; e < expected.size(); e++) {
        if (label(given.get(g)).equals(label(expected.get(e)))) {
          double score = similarity.of(given.get(g), expected.get(e));
          if (score >= threshold) {
            pairs.add(new Pair(g, e, score));
          }
        }
      }
    }
    pairs.sort((p, q) -> Double.compare(q.score(), p.score()));
    boolean[] usedGiven = new boolean[given.size()];
    boolean[] usedExpected = new boolean[expected.size()];
    int matched = 0;
    for (Pair pair : pairs) {
      if (!usedGiven[pair.g()] && !usedExpected[pair.e()]) {
        usedGiven[pair.g()] = true;
        usedExpected[pair.e()] = true;
        matched++;
      }
    }
    return matched == expected.size();
  }
}
