package org.annotationkit.metrics.aggregation;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.annotationkit.core.coding.LabelCoding;

/**
 * What {@link BinaryRelevance} made of multi-label answers: for each label, the categorical
 * aggregation of its yes/no question, and per item the set of labels assigned.
 *
 * <p>Immutable.
 *
 * @since 0.1.0
 */
public final class MultiLabelAggregation {
  private final LabelCoding items;
  private final LabelCoding labels;
  private final List<Aggregation> perLabel;
  private final int[][] itemMaps;

  MultiLabelAggregation(LabelCoding items, LabelCoding labels, List<Aggregation> perLabel) {
    this.items = items;
    this.labels = labels;
    this.perLabel = List.copyOf(perLabel);
    this.itemMaps = new int[perLabel.size()][];
    for (int l = 0; l < perLabel.size(); l++) {
      itemMaps[l] = items.remapTo(perLabel.get(l).items(), -1);
    }
  }

  /**
   * The items, coded in sorted order of their ids.
   *
   * @return the coding
   */
  public LabelCoding items() {
    return items;
  }

  /**
   * The labels, in the declared or sorted order.
   *
   * @return the coding
   */
  public LabelCoding labels() {
    return labels;
  }

  /**
   * The aggregation of one label's yes/no question: categories {@value BinaryRelevance#ABSENT}
   * (code 0) and {@value BinaryRelevance#PRESENT} (code 1), with the method's skills and
   * posteriors.
   *
   * @param label the label
   * @return its aggregation
   * @throws org.annotationkit.core.coding.UnknownLabelException if the label is not one of {@link
   *     #labels()}
   */
  public Aggregation perLabel(String label) {
    Objects.requireNonNull(label, "label");
    return perLabel.get(labels.code(label));
  }

  /**
   * Whether an item was given a label.
   *
   * @param item the item's code
   * @param label the label's code
   * @return whether the label's aggregation chose {@value BinaryRelevance#PRESENT}
   */
  public boolean assigned(int item, int label) {
    int u = itemMaps[label][item];
    return u >= 0 && perLabel.get(label).label(u) == 1;
  }

  /**
   * How likely an item has a label: the posterior probability of {@value BinaryRelevance#PRESENT}
   * where the method has posteriors, else its (weighted) share of the votes.
   *
   * @param item the item's code
   * @param label the label's code
   * @return in {@code [0, 1]}
   */
  public double probability(int item, int label) {
    Aggregation a = perLabel.get(label);
    int u = itemMaps[label][item];
    if (u < 0) {
      return 0;
    }
    if (a.hasPosteriors()) {
      return a.posterior(u).orElseThrow()[1];
    }
    return a.label(u) == 1 ? a.confidence(u) : 1 - a.confidence(u);
  }

  /**
   * The labels an item was given.
   *
   * @param item the item's id
   * @return the labels, sorted
   * @throws org.annotationkit.core.coding.UnknownLabelException if no answer names the item
   */
  public SortedSet<String> labelsOf(String item) {
    Objects.requireNonNull(item, "item");
    int u = items.code(item);
    TreeSet<String> out = new TreeSet<>();
    for (int l = 0; l < labels.size(); l++) {
      if (assigned(u, l)) {
        out.add(labels.label(l));
      }
    }
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  @Override
  public String toString() {
    return "MultiLabelAggregation[" + items.size() + " items, " + labels.size() + " labels]";
  }
}
