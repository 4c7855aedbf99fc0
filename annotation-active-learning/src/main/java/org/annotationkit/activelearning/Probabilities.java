package org.annotationkit.activelearning;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Class probabilities of a pool of items: a dense items x classes array of {@code float} or {@code
 * double}, {@linkplain Layout row-major or class-major}, with the items' stable {@linkplain ItemIds
 * identifiers}. This is what every uncertainty sampler reads.
 *
 * <p>The array is <b>not copied</b>: a pool of ten million items x ten classes is 400 MB, and a
 * copy would cost as much as a selection. The caller keeps it unchanged while it is wrapped (a
 * {@link #copy()} makes an independent one). Values are not checked either, for the same reason:
 * each row should hold probabilities (finite, in [0, 1], summing to about 1); a sampler ranks what
 * it is given.
 *
 * @since 0.1.0
 */
public final class Probabilities {
  private final float @Nullable [] floats;
  private final double @Nullable [] doubles;
  private final int items;
  private final int classes;
  private final Layout layout;
  private final ItemIds ids;

  private Probabilities(
      float @Nullable [] floats,
      double @Nullable [] doubles,
      int length,
      int classes,
      Layout layout,
      ItemIds ids) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(ids, "ids");
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    if (length % classes != 0) {
      throw new IllegalArgumentException(
          "the array's length " + length + " is not a multiple of the " + classes + " classes");
    }
    int n = length / classes;
    if (ids.size() != n) {
      throw new IllegalArgumentException(
          "the array holds "
              + n
              + " items of "
              + classes
              + " classes, but "
              + ids.size()
              + " ids were given");
    }
    this.floats = floats;
    this.doubles = doubles;
    this.items = n;
    this.classes = classes;
    this.layout = layout;
    this.ids = ids;
  }

  /**
   * Wraps float probabilities.
   *
   * @param values items x classes values, in the given layout (not copied)
   * @param classes the number of classes, {@code >= 1}
   * @param layout how the values are laid out
   * @param ids the items' identifiers, as many as there are items
   * @return the probabilities
   * @throws IllegalArgumentException if the length is not {@code ids.size() * classes}
   */
  public static Probabilities of(float[] values, int classes, Layout layout, ItemIds ids) {
    return new Probabilities(values, null, values.length, classes, layout, ids);
  }

  /**
   * Wraps double probabilities.
   *
   * @param values items x classes values, in the given layout (not copied)
   * @param classes the number of classes, {@code >= 1}
   * @param layout how the values are laid out
   * @param ids the items' identifiers, as many as there are items
   * @return the probabilities
   * @throws IllegalArgumentException if the length is not {@code ids.size() * classes}
   */
  public static Probabilities of(double[] values, int classes, Layout layout, ItemIds ids) {
    return new Probabilities(null, values, values.length, classes, layout, ids);
  }

  /**
   * Row-major double probabilities from one row per item (copied).
   *
   * @param rows one row of class probabilities per item, all of the same length
   * @param ids the items' identifiers
   * @return the probabilities
   */
  public static Probabilities ofRows(double[][] rows, ItemIds ids) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows: the number of classes is unknown");
    }
    int c = rows[0].length;
    double[] values = new double[rows.length * c];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " classes, row 0 has " + c);
      }
      System.arraycopy(rows[i], 0, values, i * c, c);
    }
    return of(values, c, Layout.ROW_MAJOR, ids);
  }

  /**
   * The number of items.
   *
   * @return the number of items
   */
  public int items() {
    return items;
  }

  /**
   * The number of classes.
   *
   * @return the number of classes
   */
  public int classes() {
    return classes;
  }

  /**
   * The layout of the array.
   *
   * @return the layout
   */
  public Layout layout() {
    return layout;
  }

  /**
   * The items' identifiers.
   *
   * @return the identifiers
   */
  public ItemIds ids() {
    return ids;
  }

  /**
   * Whether the values are floats (else doubles).
   *
   * @return true for a {@code float[]}
   */
  public boolean isFloat() {
    return floats != null;
  }

  /**
   * The wrapped float array itself, not a copy (it was never copied in), for samplers' inner loops.
   * Do not change it.
   *
   * @return the array itself
   * @throws IllegalStateException if the values are doubles
   */
  public float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("the probabilities are doubles");
    }
    return floats;
  }

  /**
   * The wrapped double array itself, not a copy (it was never copied in), for samplers' inner
   * loops. Do not change it.
   *
   * @return the array itself
   * @throws IllegalStateException if the values are floats
   */
  public double[] doubles() {
    if (doubles == null) {
      throw new IllegalStateException("the probabilities are floats");
    }
    return doubles;
  }

  /**
   * One probability.
   *
   * @param item the item's position
   * @param cls the class's code
   * @return the probability of the class for the item
   */
  public double get(int item, int cls) {
    Objects.checkIndex(item, items);
    Objects.checkIndex(cls, classes);
    int at = layout == Layout.ROW_MAJOR ? item * classes + cls : cls * items + item;
    return floats != null ? floats[at] : Objects.requireNonNull(doubles)[at];
  }

  /**
   * Copies the row of an item into {@code out}.
   *
   * @param item the item's position
   * @param out an array of at least {@link #classes()} values
   */
  public void row(int item, double[] out) {
    for (int c = 0; c < classes; c++) {
      out[c] = get(item, c);
    }
  }

  /**
   * An independent copy, with its own array.
   *
   * @return the copy
   */
  public Probabilities copy() {
    return floats != null
        ? of(floats.clone(), classes, layout, ids)
        : of(Objects.requireNonNull(doubles).clone(), classes, layout, ids);
  }

  /**
   * The items {@code [from, to)} as probabilities of their own (row-major doubles, copied), with
   * their identifiers: a part of the pool, as a worker of a distributed selection would hold it.
   *
   * @param from the first position
   * @param to the position after the last
   * @return the part
   */
  public Probabilities slice(int from, int to) {
    Objects.checkFromToIndex(from, to, items);
    double[] values = new double[(to - from) * classes];
    for (int i = from; i < to; i++) {
      for (int c = 0; c < classes; c++) {
        values[(i - from) * classes + c] = get(i, c);
      }
    }
    return of(values, classes, Layout.ROW_MAJOR, ItemIds.of(ids.asList().subList(from, to)));
  }

  @Override
  public String toString() {
    return "Probabilities["
        + items
        + " items x "
        + classes
        + " classes, "
        + (floats != null ? "float" : "double")
        + ", "
        + layout
        + "]";
  }
}
