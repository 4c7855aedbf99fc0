package org.annotationkit.activelearning;

import java.util.Objects;

/**
 * Embeddings of a pool of items: a dense items x dimensions {@code float} array, row-major, with
 * the items' stable {@linkplain ItemIds identifiers}; what the diversity samplers measure Euclidean
 * distances in. As with {@link Probabilities}, the array is wrapped, not copied (a million items x
 * 128 dimensions is 512 MB): keep it unchanged while it is wrapped.
 *
 * @since 0.1.0
 */
public final class Embeddings {
  private final float[] values;
  private final int dimensions;
  private final ItemIds ids;

  private Embeddings(float[] values, int dimensions, ItemIds ids) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(ids, "ids");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    if ((long) ids.size() * dimensions != values.length) {
      throw new IllegalArgumentException(
          "the array holds "
              + values.length
              + " values, but "
              + ids.size()
              + " items x "
              + dimensions
              + " dimensions need "
              + (long) ids.size() * dimensions);
    }
    this.values = values;
    this.dimensions = dimensions;
    this.ids = ids;
  }

  /**
   * Wraps a row-major array.
   *
   * @param values items x dimensions values (not copied)
   * @param dimensions the number of dimensions, {@code >= 1}
   * @param ids the items' identifiers
   * @return the embeddings
   */
  public static Embeddings of(float[] values, int dimensions, ItemIds ids) {
    return new Embeddings(values, dimensions, ids);
  }

  /**
   * Embeddings from one row per item (copied, narrowed to float).
   *
   * @param rows one vector per item, all of the same length
   * @param ids the items' identifiers
   * @return the embeddings
   */
  public static Embeddings ofRows(double[][] rows, ItemIds ids) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows: the number of dimensions is unknown");
    }
    int d = rows[0].length;
    float[] values = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " dimensions, row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        values[i * d + j] = (float) rows[i][j];
      }
    }
    return of(values, d, ids);
  }

  /**
   * The number of items.
   *
   * @return the number of items
   */
  public int items() {
    return ids.size();
  }

  /**
   * The number of dimensions.
   *
   * @return the number of dimensions
   */
  public int dimensions() {
    return dimensions;
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
   * The wrapped array itself (not a copy), for samplers' inner loops. Do not change it.
   *
   * @return the array
   */
  public float[] values() {
    return values;
  }

  /**
   * One coordinate.
   *
   * @param item the item's position
   * @param dimension the dimension
   * @return the value
   */
  public float get(int item, int dimension) {
    Objects.checkIndex(item, ids.size());
    Objects.checkIndex(dimension, dimensions);
    return values[item * dimensions + dimension];
  }

  /**
   * The Euclidean distance between two items.
   *
   * @param a one item's position
   * @param b another's
   * @return the distance
   */
  public double distance(int a, int b) {
    Objects.checkIndex(a, ids.size());
    Objects.checkIndex(b, ids.size());
    double s = 0;
    for (int j = 0; j < dimensions; j++) {
      double x = values[a * dimensions + j] - values[b * dimensions + j];
      s += x * x;
    }
    return Math.sqrt(s);
  }

  @Override
  public String toString() {
    return "Embeddings[" + ids.size() + " items x " + dimensions + " dimensions]";
  }
}
