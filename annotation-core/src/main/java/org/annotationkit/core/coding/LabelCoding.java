package org.annotationkit.core.coding;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.jspecify.annotations.Nullable;

/**
 * A dense, stable mapping between labels and the {@code int} codes {@code 0..size()-1}: label
 * {@code i} of {@link #labels()} has code {@code i}. Counts, confusion matrices and probability
 * columns are indexed by these codes.
 *
 * <p>The order of the codes is chosen when the coding is made, by name:
 *
 * <ul>
 *   <li>{@linkplain #schemaOrder(LabelSet) schema order}: the labels of a field in the order of its
 *       {@link LabelSet#all()}: depth first in pre-order, each label before its children, siblings
 *       in display order. A hierarchy is flattened so that every label of the tree has a code,
 *       inner ones included (an annotator may answer {@code vehicle} as well as {@code car});
 *       {@code vehicle > car, truck; person} gives {@code vehicle=0, car=1, truck=2, person=3}.
 *   <li>{@linkplain #firstSeen(Iterable) first seen}: in the order the labels first appear in the
 *       input, repeats ignored; {@link #builder()} does the same incrementally.
 *   <li>{@linkplain #sorted(Iterable) sorted}: by Unicode code point, which is also the order of
 *       the labels' UTF-8 bytes and the order of Python's {@code sorted} and NumPy's {@code
 *       np.unique} (so scikit-learn's {@code classes_}). It differs from {@link String#compareTo}
 *       only between supplementary characters and {@code U+E000..U+FFFF}, which {@code compareTo}
 *       orders by their UTF-16 surrogates.
 *   <li>{@linkplain #of(List) explicit}: the caller's order, such as the class columns of a
 *       probability table or the category ids of a format.
 * </ul>
 *
 * <p>Labels are non-empty strings, compared exactly (case and every code point count). An empty
 * string is refused everywhere, so that a missing answer can never become a category. A label that
 * is not in the coding raises {@link UnknownLabelException}; {@link #indexOf(String)} is the lookup
 * that returns {@code -1} instead.
 *
 * <p>Two codings are equal when their labels are equal in the same order, however they were made.
 * Instances are immutable and thread-safe; lookups are a hash lookup without allocation.
 *
 * @since 0.1.0
 */
public final class LabelCoding {

  private static final LabelCoding EMPTY = new LabelCoding(List.of());

  private final List<String> labels;
  private final Map<String, Integer> codes;

  private LabelCoding(List<String> labels) {
    this.labels = labels;
    this.codes = indexOf(labels);
  }

  /** The codes of distinct labels, checked non-empty; throws naming a repeated label. */
  private static Map<String, Integer> indexOf(List<String> labels) {
    Map<String, Integer> codes = HashMap.newHashMap(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      String label = checked(labels.get(i), i);
      Integer previous = codes.putIfAbsent(label, i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "label "
                + Require.quote(label)
                + " appears twice, at positions "
                + previous
                + " and "
                + i);
      }
    }
    return codes;
  }

  private static String checked(@Nullable String label, long position) {
    Objects.requireNonNull(label, () -> "label at position " + position);
    if (label.isEmpty()) {
      throw new IllegalArgumentException(
          "label at position " + position + " is empty; labels must not be empty");
    }
    return label;
  }

  /**
   * The coding of a field's labels in schema order: depth first in pre-order, each label before its
   * children (see the class description).
   *
   * @param field a field whose kind takes labels
   * @return the coding
   * @throws IllegalArgumentException if the field has no labels, naming it
   */
  public static LabelCoding schemaOrder(Field field) {
    Objects.requireNonNull(field, "field");
    if (field.labels().isEmpty()) {
      throw new IllegalArgumentException(
          "field "
              + Require.quote(field.name())
              + " ("
              + field.kind().jsonName()
              + ") has no labels to code");
    }
    return schemaOrder(field.labels());
  }

  /**
   * The coding of a label set in schema order: depth first in pre-order, each label before its
   * children, siblings in display order.
   *
   * @param labels the label set; may be empty
   * @return the coding
   */
  public static LabelCoding schemaOrder(LabelSet labels) {
    Objects.requireNonNull(labels, "labels");
    List<String> names = new ArrayList<>(labels.size());
    for (Label label : labels.all()) {
      names.add(label.name());
    }
    return of(names);
  }

  /**
   * The coding of the distinct labels in the order they first appear; repeats are ignored.
   *
   * @param labels the labels, with repeats
   * @return the coding
   * @throws IllegalArgumentException if a label is empty
   */
  public static LabelCoding firstSeen(Iterable<String> labels) {
    Objects.requireNonNull(labels, "labels");
    Builder builder = builder();
    for (String label : labels) {
      builder.encode(label);
    }
    return builder.build();
  }

  /**
   * The coding of the distinct labels sorted by Unicode code point (see the class description);
   * repeats are ignored.
   *
   * @param labels the labels, in any order, with repeats
   * @return the coding
   * @throws IllegalArgumentException if a label is empty
   */
  public static LabelCoding sorted(Iterable<String> labels) {
    Objects.requireNonNull(labels, "labels");
    Set<String> distinct = new LinkedHashSet<>();
    long position = 0;
    for (String label : labels) {
      distinct.add(checked(label, position++));
    }
    String[] sorted = distinct.toArray(new String[0]);
    Arrays.sort(sorted, LabelCoding::compareCodePoints);
    return of(Arrays.asList(sorted));
  }

  /** Compares two strings by code point, as their UTF-8 bytes compare. */
  private static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Surrogates (0xD800..0xDFFF) stand for code points above 0xFFFF, so they sort after
        // every other UTF-16 unit; the rest compare as they are.
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * The coding of the given labels in the given order: label {@code i} gets code {@code i}.
   *
   * @param labels the labels, distinct and non-empty
   * @return the coding
   * @throws IllegalArgumentException naming a label that is empty or appears twice
   */
  public static LabelCoding of(List<String> labels) {
    Objects.requireNonNull(labels, "labels");
    List<String> copy = new ArrayList<>(labels.size());
    long position = 0;
    for (String label : labels) {
      copy.add(checked(label, position++));
    }
    return copy.isEmpty() ? EMPTY : new LabelCoding(List.copyOf(copy));
  }

  /**
   * The coding of the given labels in the given order: label {@code i} gets code {@code i}.
   *
   * @param labels the labels, distinct and non-empty
   * @return the coding
   * @throws IllegalArgumentException naming a label that is empty or appears twice
   */
  public static LabelCoding of(String... labels) {
    Objects.requireNonNull(labels, "labels");
    return of(Arrays.asList(labels));
  }

  /**
   * Starts a first-seen coding to which labels are added as they stream in.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The number of labels, which is one more than the greatest code.
   *
   * @return the number of labels
   */
  public int size() {
    return labels.size();
  }

  /**
   * The labels in code order: {@code labels().get(c)} is the label of code {@code c}.
   *
   * @return the labels, unmodifiable
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * The label of a code.
   *
   * @param code a code, {@code 0 <= code < size()}
   * @return the label
   * @throws IndexOutOfBoundsException if the code is out of range
   */
  public String label(int code) {
    return labels.get(Objects.checkIndex(code, labels.size()));
  }

  /**
   * The code of a label.
   *
   * @param label a label of this coding
   * @return its code
   * @throws UnknownLabelException if the label is not in this coding, naming the label, the known
   *     labels and the closest one
   */
  public int code(String label) {
    Integer code = codes.get(Objects.requireNonNull(label, "label"));
    if (code == null) {
      throw new UnknownLabelException(label, labels);
    }
    return code;
  }

  /**
   * The code of a label, or {@code -1} when the label is not in this coding.
   *
   * @param label any string
   * @return its code, or {@code -1}
   */
  public int indexOf(String label) {
    Integer code = codes.get(Objects.requireNonNull(label, "label"));
    return code == null ? -1 : code;
  }

  /**
   * Whether a label is in this coding.
   *
   * @param label any string
   * @return whether it has a code
   */
  public boolean contains(String label) {
    return codes.containsKey(Objects.requireNonNull(label, "label"));
  }

  /**
   * The codes of a list of labels, in the list's order.
   *
   * @param labels labels of this coding, repeats allowed
   * @return a new array: element {@code i} is the code of {@code labels.get(i)}
   * @throws UnknownLabelException naming the first label that is not in this coding and its index
   */
  public int[] codes(List<String> labels) {
    Objects.requireNonNull(labels, "labels");
    int[] out = new int[labels.size()];
    int i = 0;
    for (String label : labels) {
      Integer code = codes.get(Objects.requireNonNull(label, "label"));
      if (code == null) {
        throw new UnknownLabelException(label, this.labels, " at index " + i);
      }
      out[i++] = code;
    }
    return out;
  }

  /**
   * The labels of an array of codes, in the array's order.
   *
   * @param codes codes of this coding, repeats allowed
   * @return the labels, unmodifiable
   * @throws IndexOutOfBoundsException if a code is out of range
   */
  public List<String> labels(int[] codes) {
    Objects.requireNonNull(codes, "codes");
    String[] out = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = label(codes[i]);
    }
    return List.of(out);
  }

  /**
   * The mapping of this coding's codes to another's for the same labels, as when category ids are
   * converted from one format to another: {@code remap[c]} is {@code target.code(label(c))}.
   *
   * @param target the coding to map to; it must hold every label of this one, in any order
   * @return a new array of {@link #size()} codes of {@code target}
   * @throws UnknownLabelException naming a label of this coding that {@code target} lacks (the
   *     message says how many are missing when there are more)
   */
  public int[] remapTo(LabelCoding target) {
    Objects.requireNonNull(target, "target");
    int[] remap = remapTo(target, -1);
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < remap.length; c++) {
      if (remap[c] < 0) {
        missing.add(labels.get(c));
      }
    }
    if (!missing.isEmpty()) {
      String more =
          missing.size() == 1
              ? " (in the source coding but not in the target)"
              : " (one of "
                  + missing.size()
                  + " labels missing from the target: "
                  + Hints.listing(missing)
                  + ")";
      throw new UnknownLabelException(missing.get(0), target.labels, more);
    }
    return remap;
  }

  /**
   * The mapping of this coding's codes to another's for the same labels, with {@code absent} for
   * labels the target lacks: {@code remap[c]} is {@code target.indexOf(label(c))}, or {@code
   * absent} when that is {@code -1}.
   *
   * @param target the coding to map to
   * @param absent the value for a label that {@code target} lacks, typically {@code -1}
   * @return a new array of {@link #size()} entries
   */
  public int[] remapTo(LabelCoding target, int absent) {
    Objects.requireNonNull(target, "target");
    int[] remap = new int[labels.size()];
    for (int c = 0; c < remap.length; c++) {
      int code = target.indexOf(labels.get(c));
      remap[c] = code < 0 ? absent : code;
    }
    return remap;
  }

  /**
   * Whether the other object is a coding of the same labels in the same order.
   *
   * @param other the object to compare with
   * @return whether the two are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof LabelCoding that && labels.equals(that.labels);
  }

  /**
   * The hash code of the labels in order.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return labels.hashCode();
  }

  /**
   * The labels with their codes, the first ten of them, for debugging: {@code LabelCoding[0='car',
   * 1='person']}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("LabelCoding[");
    int shown = Math.min(labels.size(), Hints.LISTED_NAMES);
    for (int c = 0; c < shown; c++) {
      out.append(c == 0 ? "" : ", ").append(c).append('=').append(Require.quote(labels.get(c)));
    }
    if (labels.size() > shown) {
      out.append(", … ").append(labels.size() - shown).append(" more");
    }
    return out.append(']').toString();
  }

  /**
   * Assigns first-seen codes to labels as they stream in: the first new label gets code 0, the next
   * new one 1, and so on; a label seen before keeps its code. {@link #build()} takes an immutable
   * snapshot and the builder can go on. Not thread-safe: give each thread its own builder, or build
   * a coding first and share that.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> codes = new HashMap<>();

    private Builder() {}

    /**
     * The code of a label, assigning the next code when the label is new.
     *
     * @param label a non-empty label
     * @return its code
     * @throws IllegalArgumentException if the label is empty
     */
    @CanIgnoreReturnValue
    public int encode(String label) {
      Integer code = codes.get(Objects.requireNonNull(label, "label"));
      if (code != null) {
        return code;
      }
      int next = labels.size();
      labels.add(checked(label, next));
      codes.put(label, next);
      return next;
    }

    /**
     * Encodes every label of a list, in order.
     *
     * @param labels the labels, repeats allowed
     * @return a new array: element {@code i} is the code of {@code labels.get(i)}
     * @throws IllegalArgumentException if a label is empty
     */
    @CanIgnoreReturnValue
    public int[] encodeAll(Collection<String> labels) {
      Objects.requireNonNull(labels, "labels");
      int[] out = new int[labels.size()];
      int i = 0;
      for (String label : labels) {
        out[i++] = encode(label);
      }
      return out;
    }

    /**
     * The number of distinct labels so far.
     *
     * @return the number of labels
     */
    public int size() {
      return labels.size();
    }

    /**
     * The coding of the labels seen so far, in first-seen order.
     *
     * @return an immutable coding
     */
    public LabelCoding build() {
      return labels.isEmpty() ? EMPTY : new LabelCoding(List.copyOf(labels));
    }
  }
}
