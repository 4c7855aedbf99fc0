package org.annotationkit.core.geometry;

/** Algorithms on run-length encodings, without decoding them into bitmaps. */
final class MaskRuns {
  private MaskRuns() {}

  /**
   * The number of pixels set in both of two run-length encodings of the same length, by walking
   * both run lists at once: O(runs of a + runs of b).
   *
   * @param a runs alternating unset and set, unset first (zero-length runs allowed)
   * @param b the same for the other mask, with the same total
   */
  static long intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    long leftA = a.length > 0 ? a[0] : 0;
    long leftB = b.length > 0 ? b[0] : 0;
    long both = 0;
    while (i < a.length && j < b.length) {
      long step = Math.min(leftA, leftB);
      if ((i & 1) == 1 && (j & 1) == 1) {
        both += step;
      }
      leftA -= step;
      leftB -= step;
      if (leftA == 0 && ++i < a.length) {
        leftA = a[i];
      }
      if (leftB == 0 && ++j < b.length) {
        leftB = b[j];
      }
    }
    return both;
  }
}
