package org.annotationkit.metrics.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.data.AnswerOptions;
import org.annotationkit.metrics.data.Answers;

/**
 * Multi-label aggregation by binary relevance: each label is aggregated on its own, as a yes/no
 * question answered by every annotator of an item, with any categorical {@link Aggregator}.
 *
 * <p>An annotator's answer for an item is a set of labels; for each label {@code L} it becomes
 * {@value #PRESENT} when the set holds {@code L} and {@value #ABSENT} otherwise, so an annotator
 * who answered an item and left {@code L} out voted against it. The per-label answers are coded
 * {@code absent = 0, present = 1}; since the aggregators break ties towards the lowest code, a tied
 * label is not assigned. Labels are those the answers use, or a declared set (labels nobody chose
 * are then aggregated too, and are never assigned by a vote).
 *
 * <p>Immutable and thread-safe when the aggregator is; the result does not depend on the order of
 * the answers.
 *
 * @since 0.1.0
 */
public final class BinaryRelevance {
  /** The category of a label's per-label answer when the annotator chose the label. */
  public static final String PRESENT = "present";

  /** The category of a label's per-label answer when the annotator left the label out. */
  public static final String ABSENT = "absent";

  private static final LabelCoding BINARY = LabelCoding.of(ABSENT, PRESENT);

  private final Aggregator method;

  private BinaryRelevance(Aggregator method) {
    this.method = method;
  }

  /**
   * Binary relevance with a categorical method for each label.
   *
   * @param method the method, such as {@code DawidSkene.defaults()}
   * @return the aggregation
   */
  public static BinaryRelevance with(Aggregator method) {
    return new BinaryRelevance(Objects.requireNonNull(method, "method"));
  }

  /**
   * One annotator's set of labels for one item.
   *
   * @param item the item's id, non-empty
   * @param annotator the annotator's id, non-empty
   * @param labels the labels chosen, possibly none; copied
   * @since 0.1.0
   */
  public record MultiLabelAnswer(String item, String annotator, Set<String> labels) {
    /** Checks and copies the parts. */
    public MultiLabelAnswer {
      Checks.nonEmpty(item, "item");
      Checks.nonEmpty(annotator, "annotator");
      labels = Set.copyOf(labels);
      for (String label : labels) {
        Checks.nonEmpty(label, "label");
      }
    }
  }

  /**
   * Aggregates over the labels the answers use, in sorted order.
   *
   * @param answers the answers, at most one per item and annotator
   * @return one aggregation per label
   * @throws IllegalArgumentException naming an item and annotator that answered twice
   */
  public MultiLabelAggregation aggregate(List<MultiLabelAnswer> answers) {
    Objects.requireNonNull(answers, "answers");
    SortedSet<String> used = new TreeSet<>();
    for (MultiLabelAnswer a : answers) {
      used.addAll(a.labels());
    }
    return aggregate(answers, LabelCoding.of(List.copyOf(used)));
  }

  /**
   * Aggregates over a declared label set.
   *
   * @param answers the answers, at most one per item and annotator
   * @param labels every label, in the order of the result
   * @return one aggregation per label
   * @throws IllegalArgumentException naming an item and annotator that answered twice, or a label
   *     used but not declared
   */
  public MultiLabelAggregation aggregate(List<MultiLabelAnswer> answers, LabelCoding labels) {
    Objects.requireNonNull(answers, "answers");
    Objects.requireNonNull(labels, "labels");
    for (MultiLabelAnswer a : answers) {
      for (String label : a.labels()) {
        if (labels.indexOf(label) < 0) {
          throw new IllegalArgumentException(
              "item "
                  + a.item()
                  + ", annotator "
                  + a.annotator()
                  + ": label "
                  + label
                  + " is not one of "
                  + String.join(", ", labels.labels()));
        }
      }
    }
    List<Aggregation> perLabel = new ArrayList<>(labels.size());
    AnswerOptions options = AnswerOptions.DEFAULT.withCategories(BINARY);
    for (String label : labels.labels()) {
      Answers.Builder b = Answers.builder(options);
      for (MultiLabelAnswer a : answers) {
        b.add(a.item(), a.annotator(), a.labels().contains(label) ? PRESENT : ABSENT);
      }
      perLabel.add(method.aggregate(b.build()));
    }
    SortedSet<String> items = new TreeSet<>();
    for (MultiLabelAnswer a : answers) {
      items.add(a.item());
    }
    return new MultiLabelAggregation(LabelCoding.of(List.copyOf(items)), labels, perLabel);
  }

  @Override
  public String toString() {
    return "BinaryRelevance[" + method + "]";
  }
}
