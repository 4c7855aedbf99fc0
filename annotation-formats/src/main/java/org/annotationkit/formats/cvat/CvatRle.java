package org.annotationkit.formats.cvat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.annotationkit.core.geometry.RleMask;

/**
 * CVAT's mask encoding: run lengths over the mask's own box ({@code left, top, width, height}), row
 * by row, starting with a run of unset pixels (which may be 0); the runs add up to {@code width *
 * height}. The model's masks are COCO's column-major runs over the whole image.
 */
final class CvatRle {
  /** The largest part of a mask inside the image that is decoded, in pixels (8192 x 16384). */
  static final long MAX_PIXELS = 1L << 27;

  private CvatRle() {}

  /** A decoded mask, and whether part of it lay outside the image. */
  record Decoded(RleMask mask, boolean clipped) {}

  /** A mask in CVAT's encoding. */
  record Encoded(String rle, int left, int top, int width, int height) {}

  /**
   * Decodes CVAT runs into a mask of the image.
   *
   * @param runs the run lengths, unset first, each {@code >= 0}, summing to {@code width * height}
   * @throws IllegalArgumentException if the image or the part of the mask inside it is too large
   */
  static Decoded decode(
      long[] runs, int left, int top, int width, int height, int imageWidth, int imageHeight) {
    if ((long) imageWidth * imageHeight > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the image of " + imageWidth + " x " + imageHeight + " pixels is too large for a mask");
    }
    // The part of the mask's box inside the image.
    long x0 = Math.max(0, (long) left);
    long y0 = Math.max(0, (long) top);
    long x1 = Math.min(imageWidth, (long) left + width);
    long y1 = Math.min(imageHeight, (long) top + height);
    long clipWidth = Math.max(0, x1 - x0);
    long clipHeight = Math.max(0, y1 - y0);
    if (clipWidth * clipHeight > MAX_PIXELS) {
      throw new IllegalArgumentException(
          "the mask covers "
              + clipWidth
              + " x "
              + clipHeight
              + " pixels of the image, more than the "
              + MAX_PIXELS
              + " read");
    }
    BitSet inside = new BitSet((int) (clipWidth * clipHeight));
    boolean clipped = false;
    long position = 0;
    boolean set = false;
    for (long run : runs) {
      if (set && run > 0) {
        long first = position;
        long last = position + run - 1;
        long firstRow = first / width;
        long lastRow = last / width;
        if (top + firstRow < y0 || top + lastRow >= y1) {
          clipped = true;
        }
        for (long row = Math.max(firstRow, y0 - top);
            row <= Math.min(lastRow, y1 - top - 1);
            row++) {
          long from = row == first / width ? first % width : 0;
          long to = row == last / width ? last % width : width - 1;
          long imageRow = top + row;
          long fromColumn = left + from;
          long toColumn = left + to;
          if (fromColumn < x0 || toColumn >= x1) {
            clipped = true;
          }
          if (imageRow >= y0 && imageRow < y1) {
            long a = Math.max(fromColumn, x0);
            long b = Math.min(toColumn, x1 - 1);
            if (a <= b) {
              long base = (imageRow - y0) * clipWidth - x0;
              inside.set((int) (base + a), (int) (base + b + 1));
            }
          }
        }
      }
      position += run;
      set = !set;
    }
    return new Decoded(
        columnMajor(inside, x0, y0, clipWidth, clipHeight, imageWidth, imageHeight), clipped);
  }

  private static RleMask columnMajor(
      BitSet inside, long x0, long y0, long clipWidth, long clipHeight, int width, int height) {
    Runs runs = new Runs();
    for (long column = 0; column < width; column++) {
      if (column < x0 || column >= x0 + clipWidth) {
        runs.add(false, height);
        continue;
      }
      runs.add(false, y0);
      for (long row = 0; row < clipHeight; row++) {
        runs.add(inside.get((int) (row * clipWidth + column - x0)), 1);
      }
      runs.add(false, height - y0 - clipHeight);
    }
    return new RleMask(height, width, runs.counts());
  }

  /** Run lengths built up pixel by pixel or run by run, unset first. */
  private static final class Runs {
    private int[] counts = new int[16];
    private int n = 1;
    private boolean set;

    void add(boolean value, long length) {
      if (length <= 0) {
        return;
      }
      if (value != set) {
        if (n == counts.length) {
          counts = Arrays.copyOf(counts, n * 2);
        }
        n++;
        set = value;
      }
      counts[n - 1] += (int) length;
    }

    int[] counts() {
      return Arrays.copyOf(counts, n);
    }
  }

  /**
   * Encodes a mask the way CVAT writes it: over the box from its first to its last set row and
   * column.
   *
   * @return the encoding, or empty for a mask with no pixel set
   */
  static Optional<Encoded> encode(RleMask mask) {
    if (mask.area() == 0) {
      return Optional.empty();
    }
    int width = mask.width();
    int height = mask.height();
    boolean[] pixels = mask.toBitmap();
    int minRow = height;
    int maxRow = -1;
    int minColumn = width;
    int maxColumn = -1;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        if (pixels[r * width + c]) {
          minRow = Math.min(minRow, r);
          maxRow = Math.max(maxRow, r);
          minColumn = Math.min(minColumn, c);
          maxColumn = Math.max(maxColumn, c);
        }
      }
    }
    StringBuilder rle = new StringBuilder();
    boolean set = false;
    int run = 0;
    for (int r = minRow; r <= maxRow; r++) {
      for (int c = minColumn; c <= maxColumn; c++) {
        boolean pixel = pixels[r * width + c];
        if (pixel != set) {
          rle.append(rle.isEmpty() ? "" : ", ").append(run);
          run = 0;
          set = pixel;
        }
        run++;
      }
    }
    rle.append(rle.isEmpty() ? "" : ", ").append(run);
    return Optional.of(
        new Encoded(
            rle.toString(), minColumn, minRow, maxColumn - minColumn + 1, maxRow - minRow + 1));
  }
}
