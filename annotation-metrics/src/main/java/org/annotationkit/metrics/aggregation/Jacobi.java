package org.annotationkit.metrics.aggregation;

/** Eigenvectors of small dense symmetric matrices by cyclic Jacobi rotations. */
final class Jacobi {
  private Jacobi() {}

  /**
   * The eigenvector of the smallest eigenvalue of a symmetric matrix.
   *
   * @param a the matrix, row-major, overwritten
   * @param n its order
   * @return a unit eigenvector
   */
  static double[] smallest(double[] a, int n) {
    double[] v = new double[n * n];
    for (int i = 0; i < n; i++) {
      v[i * n + i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double diagonal = 0;
      for (int p = 0; p < n; p++) {
        diagonal += a[p * n + p] * a[p * n + p];
        for (int q = p + 1; q < n; q++) {
          off += a[p * n + q] * a[p * n + q];
        }
      }
      if (off <= 1e-30 * Math.max(diagonal, 1e-300)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = a[p * n + q];
          if (apq == 0) {
            continue;
          }
          double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double cos = 1 / Math.sqrt(t * t + 1);
          double sin = t * cos;
          for (int r = 0; r < n; r++) {
            double arp = a[r * n + p];
            double arq = a[r * n + q];
            a[r * n + p] = cos * arp - sin * arq;
            a[r * n + q] = sin * arp + cos * arq;
          }
          for (int r = 0; r < n; r++) {
            double apr = a[p * n + r];
            double aqr = a[q * n + r];
            a[p * n + r] = cos * apr - sin * aqr;
            a[q * n + r] = sin * apr + cos * aqr;
          }
          for (int r = 0; r < n; r++) {
            double vrp = v[r * n + p];
            double vrq = v[r * n + q];
            v[r * n + p] = cos * vrp - sin * vrq;
            v[r * n + q] = sin * vrp + cos * vrq;
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (a[i * n + i] < a[best * n + best]) {
        best = i;
      }
    }
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      out[r] = v[r * n + best];
    }
    return out;
  }
}
