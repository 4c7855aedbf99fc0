package org.annotationkit.metrics.structured;

import java.util.Arrays;

/**
 * The optimal assignment (Hungarian method, Kuhn-Munkres with potentials, {@code O(n^2 m)}): the
 * one-to-one matching of rows to columns with the largest total score.
 *
 * @since 0.1.0
 */
public final class Assignment {
  private Assignment() {}

  /**
   * Matches rows to columns maximising the total score.
   *
   * @param score {@code rows x columns} scores, row-major, finite
   * @param rows the number of rows
   * @param columns the number of columns
   * @return for each row, its column, or -1 when it has none (more rows than columns)
   */
  public static int[] maximise(double[] score, int rows, int columns) {
    if (score.length != rows * columns) {
      throw new IllegalArgumentException(
          "need " + rows + " x " + columns + " scores, got " + score.length);
    }
    boolean transpose = rows > columns;
    int n = transpose ? columns : rows;
    int m = transpose ? rows : columns;
    // Cost to minimise, n <= m, 1-based as the classic formulation.
    double[][] cost = new double[n + 1][m + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = transpose ? score[j * columns + i] : score[i * columns + j];
        if (!Double.isFinite(s)) {
          throw new IllegalArgumentException("scores must be finite, got " + s);
        }
        cost[i + 1][j + 1] = -s;
      }
    }
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1];
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = cost[i0][j] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] match = new int[rows];
    Arrays.fill(match, -1);
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        if (transpose) {
          match[j - 1] = p[j] - 1;
        } else {
          match[p[j] - 1] = j - 1;
        }
      }
    }
    return match;
  }
}
