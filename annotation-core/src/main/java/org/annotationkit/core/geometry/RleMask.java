package org.annotationkit.core.geometry;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * A binary segmentation mask stored as COCO's uncompressed run-length encoding.
 *
 * <p>The pixels are read in column-major (Fortran) order: pixel (row {@code r}, column {@code c})
 * has the linear index {@code c * height + r}. {@code counts} gives the lengths of alternating runs
 * of unset and set pixels along that order, starting with an unset run (which is 0 when the first
 * pixel is set). This is what COCO's {@code {"size": [h, w], "counts": [...]}} holds and what
 * {@code pycocotools.mask} decodes. The counts must add up to {@code height * width}.
 *
 * <p>Encodings that differ only in zero-length runs (such as {@code [2, 0, 3]} and {@code [5]})
 * describe the same pixels: {@link #equals(Object)} compares pixels, while {@link #counts()}
 * returns the runs exactly as given. {@link #fromBitmap} gives the canonical encoding: no
 * zero-length runs except possibly the first.
 *
 * <p>Instances are immutable. {@code height * width} is at most {@link Integer#MAX_VALUE}, so that
 * {@link #toBitmap()} fits in an array.
 *
 * @since 0.1.0
 */
public final class RleMask implements Shape {
  private final int height;
  private final int width;
  private final int[] counts;

  /** The canonical runs: {@link #counts} itself when it is canonical already. */
  private final int[] runs;

  private final long area;

  /**
   * Creates a mask from run lengths, copying them.
   *
   * @param height the image height in pixels, {@code >= 0}
   * @param width the image width in pixels, {@code >= 0}
   * @param counts the run lengths in column-major order, unset run first; each {@code >= 0},
   *     summing to {@code height * width}
   * @throws IllegalArgumentException if a size or a count is negative, {@code height * width}
   *     exceeds {@link Integer#MAX_VALUE}, or the counts do not sum to {@code height * width}
   */
  public RleMask(int height, int width, int[] counts) {
    this(height, width, counts, counts == null ? 0 : counts.length);
  }

  /**
   * Creates a mask from the first {@code length} run lengths of an array, copying them: for a
   * reader that collects the runs in a buffer of its own, which is copied once, to its length.
   *
   * @param height the image height in pixels, {@code >= 0}
   * @param width the image width in pixels, {@code >= 0}
   * @param counts holds the run lengths in column-major order, unset run first, from index 0; each
   *     {@code >= 0}, summing to {@code height * width}
   * @param length how many of them, at most {@code counts.length}
   * @throws IllegalArgumentException if a size or a count is negative, {@code height * width}
   *     exceeds {@link Integer#MAX_VALUE}, or the counts do not sum to {@code height * width}
   * @throws IndexOutOfBoundsException if {@code length} is negative or beyond the array
   */
  public RleMask(int height, int width, int[] counts, int length) {
    long pixels = pixels(height, width);
    Objects.requireNonNull(counts, "counts");
    Objects.checkFromIndexSize(0, length, counts.length);
    int[] copy = Arrays.copyOf(counts, length);
    // One pass: the sum, the set pixels (odd runs), any negative count, any zero run after the
    // first (then the runs are not canonical).
    long sum = 0;
    long odd = 0;
    int signs = 0;
    int smallest = Integer.MAX_VALUE;
    int i = 1;
    for (; i < copy.length; i += 2) {
      int unset = copy[i - 1];
      int set = copy[i];
      signs |= unset | set;
      sum += unset;
      odd += set;
      smallest = Math.min(smallest, set);
      if (i > 1) {
        smallest = Math.min(smallest, unset);
      }
    }
    if (i == copy.length) {
      int last = copy[i - 1];
      signs |= last;
      sum += last;
      if (i > 1) {
        smallest = Math.min(smallest, last);
      }
    }
    if (signs < 0) {
      for (int j = 0; j < copy.length; j++) {
        if (copy[j] < 0) {
          throw new IllegalArgumentException("counts[" + j + "] must be >= 0, got " + copy[j]);
        }
      }
    }
    sum += odd;
    if (sum != pixels) {
      throw new IllegalArgumentException(
          "counts must sum to height * width = "
              + pixels
              + dimensions(height, width)
              + ", got "
              + sum);
    }
    this.height = height;
    this.width = width;
    this.counts = copy;
    if (smallest > 0 && !(copy.length == 1 && copy[0] == 0)) {
      // Canonical already (no zero run after the first): the set pixels are the odd runs.
      this.runs = copy;
      this.area = odd;
    } else {
      this.runs = canonical(copy);
      long area = 0;
      for (int j = 1; j < runs.length; j += 2) {
        area += runs[j];
      }
      this.area = area;
    }
  }

  private static long pixels(int height, int width) {
    Require.nonNegative(height, "height");
    Require.nonNegative(width, "width");
    long pixels = (long) height * width;
    if (pixels > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "height * width must be at most "
              + Integer.MAX_VALUE
              + ", got "
              + pixels
              + dimensions(height, width));
    }
    return pixels;
  }

  /** The size of a mask for messages, such as {@code " (height 2, width 3)"}. */
  private static String dimensions(int height, int width) {
    return " (height " + height + ", width " + width + ")";
  }

  /** Merges zero-length runs away (keeping a leading 0) and drops trailing zeros. */
  private static int[] canonical(int[] counts) {
    boolean canonical = true;
    for (int i = 1; i < counts.length && canonical; i++) {
      canonical = counts[i] != 0;
    }
    if (canonical && !(counts.length == 1 && counts[0] == 0)) {
      return counts;
    }
    int[] out = new int[counts.length];
    int n = 0;
    boolean runIsSet = false;
    int runLength = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      boolean set = i % 2 == 1;
      if (set == runIsSet) {
        runLength += counts[i];
      } else {
        out[n++] = runLength;
        runIsSet = set;
        runLength = counts[i];
      }
    }
    if (runLength > 0) {
      out[n++] = runLength;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Encodes a bitmap.
   *
   * @param height the number of rows, {@code >= 0}
   * @param width the number of columns, {@code >= 0}
   * @param rowMajor {@code height * width} pixels, row by row: pixel (row {@code r}, column {@code
   *     c}) at index {@code r * width + c}
   * @return the mask, in canonical encoding
   * @throws IllegalArgumentException if a size is negative or the array has the wrong length
   */
  public static RleMask fromBitmap(int height, int width, boolean[] rowMajor) {
    long pixels = pixels(height, width);
    Objects.requireNonNull(rowMajor, "rowMajor");
    if (rowMajor.length != pixels) {
      throw new IllegalArgumentException(
          "rowMajor must have height * width = "
              + pixels
              + " values"
              + dimensions(height, width)
              + ", got "
              + rowMajor.length);
    }
    int[] runs = new int[16];
    int n = 0;
    boolean current = false;
    int length = 0;
    for (int c = 0; c < width; c++) {
      for (int r = 0; r < height; r++) {
        boolean set = rowMajor[r * width + c];
        if (set == current) {
          length++;
        } else {
          if (n == runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
          }
          runs[n++] = length;
          current = set;
          length = 1;
        }
      }
    }
    if (length > 0) {
      if (n == runs.length) {
        runs = Arrays.copyOf(runs, n + 1);
      }
      runs[n++] = length;
    }
    return new RleMask(height, width, runs, n);
  }

  /**
   * A mask with no pixel set.
   *
   * @param height the number of rows, {@code >= 0}
   * @param width the number of columns, {@code >= 0}
   * @return the empty mask, encoded as one unset run (no run at all when it has no pixels)
   * @throws IllegalArgumentException if a size is negative
   */
  public static RleMask empty(int height, int width) {
    long pixels = pixels(height, width);
    return new RleMask(height, width, pixels == 0 ? new int[0] : new int[] {(int) pixels});
  }

  /**
   * Decodes the mask into a bitmap.
   *
   * @return {@code height * width} pixels, row by row: pixel (row {@code r}, column {@code c}) at
   *     index {@code r * width + c}
   */
  public boolean[] toBitmap() {
    boolean[] bitmap = new boolean[height * width];
    int start = 0;
    for (int i = 0; i < runs.length; i++) {
      int end = start + runs[i];
      if (i % 2 == 1) {
        for (int p = start; p < end; p++) {
          bitmap[(p % height) * width + p / height] = true;
        }
      }
      start = end;
    }
    return bitmap;
  }

  /**
   * The image height.
   *
   * @return the number of rows
   */
  public int height() {
    return height;
  }

  /**
   * The image width.
   *
   * @return the number of columns
   */
  public int width() {
    return width;
  }

  /**
   * The run lengths exactly as given to the constructor.
   *
   * @return a copy of the counts
   */
  public int[] counts() {
    return counts.clone();
  }

  /**
   * The number of runs, as given to the constructor.
   *
   * @return the length of {@link #counts()}
   */
  public int runCount() {
    return counts.length;
  }

  /**
   * One run length, without copying the counts.
   *
   * @param i the run's index, from 0 (an unset run) to {@code runCount() - 1}
   * @return the length of run {@code i}
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public int count(int i) {
    return counts[Objects.checkIndex(i, counts.length)];
  }

  /** The canonical runs, shared (never modify). */
  int[] runs() {
    return runs;
  }

  /**
   * The number of pixels set.
   *
   * @return the area in pixels
   */
  @Override
  public double area() {
    return area;
  }

  /**
   * The smallest axis-aligned box covering the set pixels, in whole pixels: {@code x} is the
   * smallest column, {@code y} the smallest row, {@code width = maxColumn - minColumn + 1} and
   * {@code height = maxRow - minRow + 1}. For an empty mask, {@code Box.of(0, 0, 0, 0)}. This
   * agrees with {@code pycocotools.mask.toBbox}.
   *
   * @return the bounding box (rotation 0)
   */
  @Override
  public Box bounds() {
    if (area == 0) {
      return Box.of(0, 0, 0, 0);
    }
    int minCol = Integer.MAX_VALUE;
    int maxCol = -1;
    int minRow = Integer.MAX_VALUE;
    int maxRow = -1;
    int start = 0;
    for (int i = 0; i < runs.length; i++) {
      int end = start + runs[i];
      if (i % 2 == 1 && end > start) {
        int firstCol = start / height;
        int lastCol = (end - 1) / height;
        minCol = Math.min(minCol, firstCol);
        maxCol = Math.max(maxCol, lastCol);
        if (firstCol == lastCol) {
          minRow = Math.min(minRow, start % height);
          maxRow = Math.max(maxRow, (end - 1) % height);
        } else {
          // The run wraps from the bottom of one column to the top of the next.
          minRow = 0;
          maxRow = height - 1;
        }
      }
      start = end;
    }
    return Box.of(minCol, minRow, maxCol - minCol + 1.0, maxRow - minRow + 1.0);
  }

  /**
   * Whether the other object is a mask of the same size with the same pixels set (whatever
   * zero-length runs either encoding has).
   *
   * @param other the object to compare with
   * @return {@code true} when both masks have the same size and pixels
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RleMask that
        && height == that.height
        && width == that.width
        && Arrays.equals(runs, that.runs);
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return a hash of the size and the canonical runs
   */
  @Override
  public int hashCode() {
    return (31 * height + width) * 31 + Arrays.hashCode(runs);
  }

  /**
   * The size and the counts as given, such as {@code RleMask[height=2, width=2, counts=[1, 2, 1]]}.
   *
   * @return a description of the mask
   */
  @Override
  public String toString() {
    return "RleMask[height="
        + height
        + ", width="
        + width
        + ", counts="
        + Arrays.toString(counts)
        + "]";
  }
}
