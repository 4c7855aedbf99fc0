package org.annotationkit.core.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * The labels of a field: a forest of {@link Label}s whose names are unique across the whole tree,
 * with lookups by name. Immutable; two label sets are equal when their roots are.
 *
 * @since 0.1.0
 */
public final class LabelSet {

  private static final LabelSet EMPTY = new LabelSet(List.of());

  private final List<Label> roots;
  private final List<Label> all;
  private final Map<String, Label> byName;
  private final Map<String, String> parents;

  private LabelSet(List<Label> roots) {
    this.roots = List.copyOf(roots);
    List<Label> order = new ArrayList<>();
    Map<String, Label> names = new HashMap<>();
    Map<String, String> parentNames = new HashMap<>();
    for (Label root : this.roots) {
      visit(root, null, order, names, parentNames);
    }
    this.all = List.copyOf(order);
    this.byName = Map.copyOf(names);
    this.parents = Map.copyOf(parentNames);
  }

  private static void visit(
      Label label,
      @Nullable Label parent,
      List<Label> order,
      Map<String, Label> names,
      Map<String, String> parentNames) {
    Label previous = names.putIfAbsent(label.name(), label);
    if (previous != null) {
      String first = place(parentNames.get(label.name()));
      String second = place(parent == null ? null : parent.name());
      throw new IllegalArgumentException(
          "label "
              + Require.quote(label.name())
              + " appears twice"
              + (first.equals(second) ? " " + first : ": " + first + " and " + second));
    }
    if (parent != null) {
      parentNames.put(label.name(), parent.name());
    }
    order.add(label);
    for (Label child : label.children()) {
      visit(child, label, order, names, parentNames);
    }
  }

  private static String place(@Nullable String parent) {
    return parent == null ? "at the root" : "under " + Require.quote(parent);
  }

  /**
   * A label set of the given trees.
   *
   * @param roots the top-level labels, in display order
   * @return the label set
   * @throws IllegalArgumentException naming the label when two labels anywhere in the trees share a
   *     name
   */
  public static LabelSet of(List<Label> roots) {
    Objects.requireNonNull(roots, "roots");
    return roots.isEmpty() ? EMPTY : new LabelSet(roots);
  }

  /**
   * A flat label set of plain labels (no colours, descriptions, attributes or children).
   *
   * @param flatNames the label names, in display order, no two the same
   * @return the label set
   * @throws IllegalArgumentException naming the label when a name is malformed or appears twice
   */
  public static LabelSet of(String... flatNames) {
    Objects.requireNonNull(flatNames, "flatNames");
    List<Label> labels = new ArrayList<>(flatNames.length);
    for (String name : flatNames) {
      labels.add(Label.of(name));
    }
    return of(labels);
  }

  /**
   * The label set without labels, for fields whose kind takes none.
   *
   * @return the empty label set
   */
  public static LabelSet empty() {
    return EMPTY;
  }

  /**
   * The top-level labels, in display order.
   *
   * @return the roots, unmodifiable
   */
  public List<Label> roots() {
    return roots;
  }

  /**
   * Every label of the trees, depth first in pre-order: each label before its children, siblings in
   * display order.
   *
   * @return all labels, unmodifiable
   */
  public List<Label> all() {
    return all;
  }

  /**
   * Finds a label anywhere in the trees by name.
   *
   * @param name the label's name
   * @return the label, or empty when no label has that name
   */
  public Optional<Label> find(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Whether a label anywhere in the trees has the given name.
   *
   * @param name the label's name
   * @return whether the label exists
   */
  public boolean contains(String name) {
    Objects.requireNonNull(name, "name");
    return byName.containsKey(name);
  }

  /**
   * The name of a label's parent.
   *
   * @param name the label's name
   * @return the parent's name, or empty when the label is a root or is not in this set
   */
  public Optional<String> parentOf(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(parents.get(name));
  }

  /**
   * The number of labels in the trees, children included.
   *
   * @return the number of labels
   */
  public int size() {
    return all.size();
  }

  /**
   * Whether this set has no labels.
   *
   * @return whether the set is empty
   */
  public boolean isEmpty() {
    return roots.isEmpty();
  }

  /**
   * Whether the other object is a label set with equal roots (in the same order).
   *
   * @param other the object to compare with
   * @return whether the two are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof LabelSet that && roots.equals(that.roots);
  }

  /**
   * A hash code of the roots.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return roots.hashCode();
  }

  /**
   * The roots, for debugging, such as {@code LabelSet[Label[name=car, ...]]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "LabelSet" + roots;
  }
}
