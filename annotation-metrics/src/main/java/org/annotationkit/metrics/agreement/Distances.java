package org.annotationkit.metrics.agreement;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A caller's distance between categories for Krippendorff's alpha: a square matrix, 0 on the
 * diagonal, non-negative and finite. Immutable.
 *
 * @since 0.1.0
 */
public final class Distances {
  private final double[][] matrix;

  private Distances(double[][] matrix) {
    this.matrix = matrix;
  }

  /**
   * The distances of a matrix.
   *
   * @param matrix {@code q x q}, copied
   * @return the distances
   * @throws IllegalArgumentException if the matrix is not square, has a negative or non-finite
   *     entry, or a non-zero diagonal
   */
  public static Distances of(double[][] matrix) {
    Objects.requireNonNull(matrix, "matrix");
    int q = matrix.length;
    double[][] copy = new double[q][];
    for (int c = 0; c < q; c++) {
      if (matrix[c].length != q) {
        throw new IllegalArgumentException(
            "a distance matrix must be square: row "
                + (c + 1)
                + " has "
                + matrix[c].length
                + " entries, expected "
                + q);
      }
      copy[c] = matrix[c].clone();
      for (int k = 0; k < q; k++) {
        double d = copy[c][k];
        if (!(d >= 0) || Double.isInfinite(d) || (c == k && d != 0)) {
          throw new IllegalArgumentException(
              "distance ["
                  + (c + 1)
                  + "]["
                  + (k + 1)
                  + "] must be finite, >= 0, and 0 on the"
                  + " diagonal, got "
                  + d);
        }
      }
    }
    return new Distances(copy);
  }

  /**
   * The number of categories.
   *
   * @return the size
   */
  public int size() {
    return matrix.length;
  }

  /**
   * A copy of the matrix.
   *
   * @return the distances
   */
  public double[][] matrix() {
    double[][] copy = new double[matrix.length][];
    for (int c = 0; c < matrix.length; c++) {
      copy[c] = matrix[c].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Distances that && Arrays.deepEquals(matrix, that.matrix);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(matrix);
  }

  @Override
  public String toString() {
    return "Distances[" + matrix.length + " categories]";
  }
}
