package org.annotationkit.formats.coco;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Iou;
import org.annotationkit.core.geometry.RleMask;
import org.jspecify.annotations.Nullable;

/**
 * COCO's mask run-length encoding, as {@code pycocotools.mask} (the C library {@code maskApi.c}
 * behind the COCO API) computes it: the same counts, the same compressed strings byte for byte, the
 * same rasterisation of polygons and boxes, the same areas, bounding boxes and IoUs.
 *
 * <p>Masks are {@link RleMask}s: column-major (Fortran-order) run lengths, unset run first. Pixel
 * arrays here are column-major too, as {@code pycocotools.mask.encode} wants them: pixel (row
 * {@code r}, column {@code c}) at index {@code c * height + r}.
 *
 * <p>Where pycocotools returns garbage or a silent placeholder, this class throws instead: masks of
 * different sizes in {@link #merge} and {@link #iou(List, List, boolean[])} (pycocotools returns an
 * empty 0x0 mask and an IoU of -1), an {@code iscrowd} array of the wrong length, a malformed
 * compressed string ({@link MalformedRleException}, naming the byte). {@link #toBbox} computes the
 * box of the pixels, so counts with zero-length runs give the right box (the original cocoapi
 * returns a width of 1073741824 for some).
 *
 * <p>All methods are static and thread-safe; inputs are never modified.
 *
 * @since 0.1.0
 */
public final class CocoRle {
  /** The upsampling factor of pycocotools' polygon scan conversion. */
  private static final double SCALE = 5;

  /** The largest coordinate magnitude rasterised (5 times it must fit an int, with room). */
  private static final double MAX_COORDINATE = 1e8;

  /** The most 5-bit groups one count of a compressed string may take (35 bits). */
  private static final int MAX_GROUPS = 7;

  /** Eight bytes of pixels as one little-endian long (byte i in bits 8i..8i+7). */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Eight set pixels, as {@link #LONGS} reads them. */
  private static final long ONES = 0x0101_0101_0101_0101L;

  private CocoRle() {}

  /**
   * Encodes a column-major binary mask, as {@code pycocotools.mask.encode} does: runs of 0 and 1
   * starting with 0, the last run always written (so a mask of no pixels gives {@code [0]}).
   *
   * @param height the number of rows, {@code >= 0}
   * @param width the number of columns, {@code >= 0}
   * @param columnMajor {@code height * width} values, each 0 or 1, pixel (r, c) at {@code c *
   *     height + r}
   * @return the mask with pycocotools' counts
   * @throws IllegalArgumentException if the array has the wrong length or holds a value other than
   *     0 and 1
   */
  public static RleMask encode(int height, int width, byte[] columnMajor) {
    Objects.requireNonNull(columnMajor, "columnMajor");
    long pixels = checkSize(height, width);
    if (columnMajor.length != pixels) {
      throw new IllegalArgumentException(
          "columnMajor must have height * width = "
              + pixels
              + " values (height "
              + height
              + ", width "
              + width
              + "), got "
              + columnMajor.length);
    }
    int n = columnMajor.length;
    int[] counts = new int[64];
    int k = 0;
    int start = 0;
    byte value = 0;
    int j = 0;
    while (true) {
      int next = nextDifferent(columnMajor, j, value);
      if (next == n) {
        break;
      }
      byte pixel = columnMajor[next];
      if (pixel != 0 && pixel != 1) {
        throw new IllegalArgumentException(
            "columnMajor[" + next + "] must be 0 or 1, got " + pixel);
      }
      if (k == counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
      counts[k++] = next - start;
      start = next;
      value = pixel;
      j = next + 1;
    }
    if (k == counts.length) {
      counts = Arrays.copyOf(counts, k + 1);
    }
    counts[k++] = n - start;
    return new RleMask(height, width, counts, k);
  }

  /**
   * The first index from {@code from} on whose byte is not {@code value} (0 or 1), or the array's
   * length: eight bytes at a time through a long view, then byte by byte for the tail.
   */
  private static int nextDifferent(byte[] pixels, int from, byte value) {
    long pattern = value == 0 ? 0L : ONES;
    int n = pixels.length;
    int j = from;
    int limit = n - Long.BYTES;
    while (j <= limit) {
      long x = (long) LONGS.get(pixels, j) ^ pattern;
      if (x != 0) {
        return j + (Long.numberOfTrailingZeros(x) >>> 3);
      }
      j += Long.BYTES;
    }
    while (j < n && pixels[j] == value) {
      j++;
    }
    return j;
  }

  /**
   * Decodes a mask into column-major pixels, as {@code pycocotools.mask.decode} does.
   *
   * @param mask the mask
   * @return {@code height * width} values, 1 for set pixels and 0 otherwise, pixel (r, c) at {@code
   *     c * height + r}
   */
  public static byte[] decode(RleMask mask) {
    Objects.requireNonNull(mask, "mask");
    byte[] pixels = new byte[mask.height() * mask.width()];
    int[] counts = mask.counts();
    int start = 0;
    for (int i = 0; i < counts.length; i += 2) {
      start += counts[i];
      if (i + 1 < counts.length) {
        int end = start + counts[i + 1];
        Arrays.fill(pixels, start, end, (byte) 1);
        start = end;
      }
    }
    return pixels;
  }

  /**
   * The number of set pixels: the sum of the odd-indexed counts ({@code pycocotools.mask.area}).
   *
   * @param mask the mask
   * @return the area in pixels
   */
  public static long area(RleMask mask) {
    Objects.requireNonNull(mask, "mask");
    long area = 0;
    int n = mask.runCount();
    for (int i = 1; i < n; i += 2) {
      area += mask.count(i);
    }
    return area;
  }

  /**
   * The bounding box of the set pixels, {@code [x, y, width, height]} in whole pixels, as {@code
   * pycocotools.mask.toBbox} returns it; {@code [0, 0, 0, 0]} for an empty mask.
   *
   * @param mask the mask
   * @return a new array {@code {x, y, width, height}}
   */
  public static double[] toBbox(RleMask mask) {
    Objects.requireNonNull(mask, "mask");
    Box box = mask.bounds();
    return new double[] {box.x(), box.y(), box.width(), box.height()};
  }

  /**
   * The union of masks, with the counts {@code pycocotools.mask.merge(rles, intersect=False)}
   * gives.
   *
   * @param masks one mask or more, all of the same size
   * @return the union
   * @throws IllegalArgumentException if the list is empty or the sizes differ
   */
  public static RleMask union(List<RleMask> masks) {
    return merge(masks, false);
  }

  /**
   * The intersection of masks, with the counts {@code pycocotools.mask.merge(rles, intersect=True)}
   * gives.
   *
   * @param masks one mask or more, all of the same size
   * @return the intersection
   * @throws IllegalArgumentException if the list is empty or the sizes differ
   */
  public static RleMask intersection(List<RleMask> masks) {
    return merge(masks, true);
  }

  /**
   * Merges masks, as {@code pycocotools.mask.merge} does: their union, or their intersection, with
   * pycocotools' counts (a run boundary where the merged value changes and at the end; a single
   * mask is returned as it is).
   *
   * @param masks one mask or more, all of the same size
   * @param intersect {@code true} for the intersection, {@code false} for the union
   * @return the merged mask
   * @throws IllegalArgumentException if the list is empty or the sizes differ
   */
  public static RleMask merge(List<RleMask> masks, boolean intersect) {
    Objects.requireNonNull(masks, "masks");
    if (masks.isEmpty()) {
      throw new IllegalArgumentException("masks must not be empty");
    }
    RleMask first = Objects.requireNonNull(masks.get(0), "masks[0]");
    int height = first.height();
    int width = first.width();
    for (int i = 1; i < masks.size(); i++) {
      RleMask other = Objects.requireNonNull(masks.get(i), "masks must not hold null");
      requireSameSize(first, other, "masks[0]", "masks[" + i + "]");
    }
    if (masks.size() == 1) {
      return first;
    }
    int[] merged = countsOf(first);
    int[] out = new int[Math.max(16, merged.length)];
    for (int i = 1; i < masks.size(); i++) {
      int[] a = merged;
      int[] b = countsOf(masks.get(i));
      if (out.length < a.length + b.length) {
        out = new int[a.length + b.length];
      }
      long ca = a[0];
      long cb = b[0];
      boolean va = false;
      boolean vb = false;
      boolean v = false;
      int m = 0;
      int ia = 1;
      int ib = 1;
      long run = 0;
      long rest = 1;
      while (rest > 0) {
        long c = Math.min(ca, cb);
        run += c;
        ca -= c;
        if (ca == 0 && ia < a.length) {
          ca = a[ia++];
          va = !va;
        }
        cb -= c;
        if (cb == 0 && ib < b.length) {
          cb = b[ib++];
          vb = !vb;
        }
        rest = ca + cb;
        boolean previous = v;
        v = intersect ? va && vb : va || vb;
        if (v != previous || rest == 0) {
          out[m++] = (int) run;
          run = 0;
        }
      }
      merged = Arrays.copyOf(out, m);
    }
    return new RleMask(height, width, merged);
  }

  /**
   * The IoU of every detected mask with every ground-truth mask, as {@code pycocotools.mask.iou(dt,
   * gt, iscrowd)} computes it: {@code |dt ∩ gt| / |dt ∪ gt|}, or {@code |dt ∩ gt| / |dt|} when
   * {@code gt} is a crowd region; 0 when they do not intersect.
   *
   * @param detected the detected masks (m of them)
   * @param groundTruth the ground-truth masks (n of them), each of the size of every detected mask
   * @param iscrowd one flag per ground-truth mask
   * @return an m x n array: {@code [d][g]} is the IoU of detected mask d with ground truth g
   * @throws IllegalArgumentException if {@code iscrowd} does not have one flag per ground truth, or
   *     two masks have different sizes
   */
  public static double[][] iou(
      List<RleMask> detected, List<RleMask> groundTruth, boolean[] iscrowd) {
    Objects.requireNonNull(detected, "detected");
    Objects.requireNonNull(groundTruth, "groundTruth");
    requireCrowdFlags(iscrowd, groundTruth.size());
    int m = detected.size();
    int n = groundTruth.size();
    long[] dtArea = new long[m];
    for (int d = 0; d < m; d++) {
      dtArea[d] = area(Objects.requireNonNull(detected.get(d), "detected mask"));
    }
    double[][] result = new double[m][n];
    for (int g = 0; g < n; g++) {
      RleMask truth = Objects.requireNonNull(groundTruth.get(g), "ground-truth mask");
      long gtArea = area(truth);
      for (int d = 0; d < m; d++) {
        RleMask mask = detected.get(d);
        requireSameSize(mask, truth, "detected[" + d + "]", "groundTruth[" + g + "]");
        // Core's run walk (geometry.MaskRuns, behind Iou) counts the pixels set in both.
        long both = (long) Iou.intersectionArea(mask, truth);
        if (both > 0) {
          long union = iscrowd[g] ? dtArea[d] : dtArea[d] + gtArea - both;
          result[d][g] = (double) both / (double) union;
        }
      }
    }
    return result;
  }

  /**
   * The IoU of two masks of the same size ({@link #iou(List, List, boolean[])} for one pair).
   *
   * @param detected the detected mask
   * @param groundTruth the ground-truth mask
   * @param crowd whether the ground truth is a crowd region (then the denominator is {@code |dt|})
   * @return the IoU, 0 when they do not intersect
   * @throws IllegalArgumentException if the sizes differ
   */
  public static double iou(RleMask detected, RleMask groundTruth, boolean crowd) {
    return iou(List.of(detected), List.of(groundTruth), new boolean[] {crowd})[0][0];
  }

  /**
   * The IoU of every detected box with every ground-truth box, as {@code pycocotools.mask.iou}
   * computes it for boxes {@code [x, y, width, height]}: continuous coordinates (no {@code +1}),
   * {@code |dt ∩ gt| / |dt|} when {@code gt} is a crowd region, 0 when they do not overlap.
   *
   * @param detected m boxes, each {@code {x, y, width, height}}
   * @param groundTruth n boxes, each {@code {x, y, width, height}}
   * @param iscrowd one flag per ground-truth box
   * @return an m x n array: {@code [d][g]} is the IoU of detected box d with ground truth g
   * @throws IllegalArgumentException if a box does not have 4 values or {@code iscrowd} does not
   *     have one flag per ground truth
   */
  public static double[][] boxIou(double[][] detected, double[][] groundTruth, boolean[] iscrowd) {
    Objects.requireNonNull(detected, "detected");
    Objects.requireNonNull(groundTruth, "groundTruth");
    requireCrowdFlags(iscrowd, groundTruth.length);
    for (int d = 0; d < detected.length; d++) {
      requireBox(detected[d], "detected[" + d + "]");
    }
    double[][] result = new double[detected.length][groundTruth.length];
    for (int g = 0; g < groundTruth.length; g++) {
      double[] gt = requireBox(groundTruth[g], "groundTruth[" + g + "]");
      double gtArea = gt[2] * gt[3];
      for (int d = 0; d < detected.length; d++) {
        double[] dt = detected[d];
        double dtArea = dt[2] * dt[3];
        double w = Math.min(dt[2] + dt[0], gt[2] + gt[0]) - Math.max(dt[0], gt[0]);
        if (w <= 0) {
          continue;
        }
        double h = Math.min(dt[3] + dt[1], gt[3] + gt[1]) - Math.max(dt[1], gt[1]);
        if (h <= 0) {
          continue;
        }
        double both = w * h;
        double union = iscrowd[g] ? dtArea : dtArea + gtArea - both;
        result[d][g] = both / union;
      }
    }
    return result;
  }

  /**
   * Rasterises one polygon at the given image size, exactly as pycocotools' {@code rleFrPoly}
   * ({@code frPyObjects} for a polygon) does: vertices scaled by 5 and rounded, edges walked pixel
   * by pixel in that upsampled grid, and a pixel set when its centre lies between the boundary
   * crossings of its column. Areas therefore differ from the shoelace area (a self-intersecting
   * bow-tie gets pixels), and the polygon is clipped at the image border.
   *
   * @param xy the vertices {@code x0, y0, x1, y1, ...} in pixels (at least one vertex)
   * @param height the image height, {@code >= 0}
   * @param width the image width, {@code >= 0}
   * @return the mask with pycocotools' counts
   * @throws IllegalArgumentException if {@code xy} has an odd length, is empty, or holds a value
   *     that is not finite or beyond 1e8 pixels
   */
  public static RleMask fromPolygon(double[] xy, int height, int width) {
    Objects.requireNonNull(xy, "xy");
    if (xy.length == 0 || xy.length % 2 != 0) {
      throw new IllegalArgumentException(
          "xy must hold x, y pairs (a positive even number of values), got " + xy.length);
    }
    for (int i = 0; i < xy.length; i++) {
      if (!Double.isFinite(xy[i])) {
        throw new IllegalArgumentException("xy[" + i + "] must be finite, got " + xy[i]);
      }
      if (Math.abs(xy[i]) > MAX_COORDINATE) {
        throw new IllegalArgumentException(
            "xy[" + i + "] must be within +-" + MAX_COORDINATE + " pixels, got " + xy[i]);
      }
    }
    checkSize(height, width);
    int k = xy.length / 2;
    int[] x = new int[k + 1];
    int[] y = new int[k + 1];
    for (int j = 0; j < k; j++) {
      x[j] = (int) (SCALE * xy[j * 2] + .5);
      y[j] = (int) (SCALE * xy[j * 2 + 1] + .5);
    }
    x[k] = x[0];
    y[k] = y[0];
    long total = 0;
    for (int j = 0; j < k; j++) {
      total += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1L;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("polygon too large to rasterise: " + total + " points");
    }
    // The boundary, point by point in the upsampled grid.
    int[] u = new int[(int) total];
    int[] v = new int[(int) total];
    int m = 0;
    for (int j = 0; j < k; j++) {
      int xs = x[j];
      int xe = x[j + 1];
      int ys = y[j];
      int ye = y[j + 1];
      int dx = Math.abs(xe - xs);
      int dy = Math.abs(ys - ye);
      boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
      if (flip) {
        int t = xs;
        xs = xe;
        xe = t;
        t = ys;
        ys = ye;
        ye = t;
      }
      if (dx >= dy) {
        double s = (double) (ye - ys) / dx;
        for (int d = 0; d <= dx; d++) {
          int t = flip ? dx - d : d;
          u[m] = t + xs;
          v[m] = (int) (ys + s * t + .5);
          m++;
        }
      } else {
        double s = (double) (xe - xs) / dy;
        for (int d = 0; d <= dy; d++) {
          int t = flip ? dy - d : d;
          v[m] = t + ys;
          u[m] = (int) (xs + s * t + .5);
          m++;
        }
      }
    }
    // The crossings of pixel-column centres, back at the image's scale, as linear indices.
    int[] a = new int[m + 1];
    int n = 0;
    for (int j = 1; j < m; j++) {
      if (u[j] != u[j - 1]) {
        double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
        xd = (xd + .5) / SCALE - .5;
        if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) {
          continue;
        }
        double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
        yd = (yd + .5) / SCALE - .5;
        if (yd < 0) {
          yd = 0;
        } else if (yd > height) {
          yd = height;
        }
        yd = Math.ceil(yd);
        a[n++] = ((int) xd) * height + (int) yd;
      }
    }
    a[n++] = height * width;
    Arrays.sort(a, 0, n);
    int previous = 0;
    for (int j = 0; j < n; j++) {
      int t = a[j];
      a[j] -= previous;
      previous = t;
    }
    // Runs, with zero-length runs folded into the run before them.
    int[] b = new int[n];
    int j = 0;
    int runs = 0;
    b[runs++] = a[j++];
    while (j < n) {
      if (a[j] > 0) {
        b[runs++] = a[j++];
      } else {
        j++;
        if (j < n) {
          b[runs - 1] += a[j++];
        }
      }
    }
    return new RleMask(height, width, Arrays.copyOf(b, runs));
  }

  /**
   * Rasterises the parts of one object's polygon segmentation and merges them into one mask, as the
   * COCO API's {@code annToRLE} does ({@code merge(frPyObjects(segmentation, h, w))}).
   *
   * @param parts one or more polygons, each {@code x0, y0, x1, y1, ...}
   * @param height the image height, {@code >= 0}
   * @param width the image width, {@code >= 0}
   * @return the union of the parts, with pycocotools' counts
   * @throws IllegalArgumentException if there are no parts or a part is malformed (see {@link
   *     #fromPolygon})
   */
  public static RleMask fromPolygons(List<double[]> parts, int height, int width) {
    Objects.requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("parts must not be empty");
    }
    RleMask[] masks = new RleMask[parts.size()];
    for (int i = 0; i < masks.length; i++) {
      masks[i] = fromPolygon(Objects.requireNonNull(parts.get(i), "parts[i]"), height, width);
    }
    return merge(Arrays.asList(masks), false);
  }

  /**
   * Rasterises a box {@code [x, y, width, height]}, as pycocotools' {@code rleFrBbox} ({@code
   * frPyObjects} for boxes) does: as the polygon of its four corners.
   *
   * @param x the box's left edge
   * @param y the box's top edge
   * @param boxWidth the box's width
   * @param boxHeight the box's height
   * @param height the image height, {@code >= 0}
   * @param width the image width, {@code >= 0}
   * @return the mask with pycocotools' counts
   * @throws IllegalArgumentException if a value is not finite or a size is negative
   */
  public static RleMask fromBox(
      double x, double y, double boxWidth, double boxHeight, int height, int width) {
    double xe = x + boxWidth;
    double ye = y + boxHeight;
    return fromPolygon(new double[] {x, y, x, ye, xe, ye, xe, y}, height, width);
  }

  /**
   * The compressed string of a mask's counts, as {@code pycocotools.mask.encode} writes it in
   * {@code "counts"}: each count (from the fourth on, its difference to the count two places
   * earlier) in 5-bit groups, low bits first, the last group sign-extended, 0x20 marking that more
   * groups follow, each group plus 48 as one ASCII character.
   *
   * @param mask the mask
   * @return the compressed counts, all characters in {@code '0'..'o'}
   */
  public static String toCompressed(RleMask mask) {
    Objects.requireNonNull(mask, "mask");
    int n = mask.runCount();
    byte[] out = new byte[Math.max(16, n * 2)];
    int length = 0;
    // The counts one and two places back, for the differences from the fourth count on.
    int back1 = 0;
    int back2 = 0;
    for (int i = 0; i < n; i++) {
      int count = mask.count(i);
      long x = i > 2 ? (long) count - back2 : count;
      back2 = back1;
      back1 = count;
      if (out.length - length < MAX_GROUPS) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      while (true) {
        int c = (int) (x & 0x1f);
        x >>= 5;
        if ((c & 0x10) != 0 ? x == -1 : x == 0) {
          out[length++] = (byte) (c + 48);
          break;
        }
        out[length++] = (byte) (c + (0x20 + 48));
      }
    }
    return new String(out, 0, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * Decodes a compressed string into a mask of the given size, as {@code pycocotools.mask}'s {@code
   * frPyObjects} / {@code decode} read {@code {"size": [h, w], "counts": "..."}}, but checking the
   * string.
   *
   * @param compressed the compressed counts
   * @param height the image height ({@code size[0]}), {@code >= 0}
   * @param width the image width ({@code size[1]}), {@code >= 0}
   * @return the mask, with the counts the string holds
   * @throws MalformedRleException if a character is outside {@code '0'..'o'}, the string ends in
   *     the middle of a count, a count takes more than 7 characters, a count is negative or too
   *     large, or the counts do not add up to {@code height * width}; the message names the byte
   * @throws IllegalArgumentException if a size is negative or {@code height * width} is too large
   */
  public static RleMask fromCompressed(CharSequence compressed, int height, int width) {
    Objects.requireNonNull(compressed, "compressed");
    long pixels = checkSize(height, width);
    byte[] bytes = latin1(compressed);
    if (bytes != null) {
      RleMask mask = parseCompressed(compressed, bytes, height, width, pixels);
      if (mask != null) {
        return mask;
      }
    }
    return fromCompressedChecked(compressed, height, width);
  }

  /**
   * The characters of a compressed string as bytes, or {@code null} when one of them is beyond
   * Latin-1 (then only the checked reader can name it).
   */
  private static byte @Nullable [] latin1(CharSequence compressed) {
    if (compressed instanceof String s) {
      // A compact (Latin-1) string is copied as it is; a character beyond Latin-1 becomes '?'.
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }
    int length = compressed.length();
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      char ch = compressed.charAt(i);
      if (ch > 0xff) {
        return null;
      }
      bytes[i] = (byte) ch;
    }
    return bytes;
  }

  /**
   * The fast reader of {@link #fromCompressed}: the counts of a well-formed string, or {@code null}
   * at the first thing {@link #fromCompressedChecked} would refuse (which then names it). A byte
   * {@code '?'} is checked against the string, as it may stand for a character beyond Latin-1.
   */
  private static @Nullable RleMask parseCompressed(
      CharSequence compressed, byte[] bytes, int height, int width, long pixels) {
    int length = bytes.length;
    // Every count takes one byte at least: that many counts at most.
    int[] counts = new int[length];
    int m = 0;
    int p = 0;
    long sum = 0;
    // The last two counts, the one two places back being added from the fourth count on.
    int back1 = 0;
    int back2 = 0;
    // Bits 6 and up of any byte value (byte - 48) outside '0'..'o'; whether a '?' was seen.
    int foreign = 0;
    boolean question = false;
    while (p < length) {
      int c = bytes[p++] - 48;
      foreign |= c;
      long x = c & 0x1f;
      int shift = 5;
      while ((c & 0x20) != 0) {
        if (p == length || shift == 5 * MAX_GROUPS) {
          return null;
        }
        c = bytes[p++] - 48;
        foreign |= c;
        x |= (long) (c & 0x1f) << shift;
        shift += 5;
      }
      question |= c == '?' - 48;
      if ((c & 0x10) != 0) {
        x |= -1L << shift;
      }
      if (m > 2) {
        x += back2;
      }
      if (x < 0 || x > Integer.MAX_VALUE) {
        return null;
      }
      sum += x;
      back2 = back1;
      back1 = (int) x;
      counts[m++] = (int) x;
    }
    if (foreign >>> 6 != 0 || sum != pixels) {
      return null;
    }
    // A '?' may stand for a character beyond Latin-1 (getBytes replaces those): check it is one.
    if (question
        && compressed instanceof String s
        && !s.equals(new String(bytes, StandardCharsets.ISO_8859_1))) {
      return null;
    }
    return new RleMask(height, width, counts, m);
  }

  /**
   * The checked reader of {@link #fromCompressed}, character by character: the reference of the
   * fast reader, and the one that names what is wrong with a malformed string.
   */
  static RleMask fromCompressedChecked(CharSequence compressed, int height, int width) {
    Objects.requireNonNull(compressed, "compressed");
    long pixels = checkSize(height, width);
    int length = compressed.length();
    int[] counts = new int[Math.max(4, length)];
    int m = 0;
    int p = 0;
    long sum = 0;
    while (p < length) {
      int start = p;
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        if (p == length) {
          throw new MalformedRleException(
              p - 1,
              "compressed RLE: the string ends in the middle of count "
                  + m
                  + " (the last byte, at offset "
                  + (p - 1)
                  + ", has the continuation bit 0x20 set)");
        }
        char ch = compressed.charAt(p);
        if (ch < 48 || ch > 48 + 0x3f) {
          throw new MalformedRleException(
              p,
              "compressed RLE: byte "
                  + p
                  + " is "
                  + describe(ch)
                  + ", outside the alphabet '0'..'o' (48..111)");
        }
        if (k == MAX_GROUPS) {
          throw new MalformedRleException(
              p,
              "compressed RLE: count "
                  + m
                  + " starting at byte "
                  + start
                  + " has more than "
                  + MAX_GROUPS
                  + " characters, too large for a count");
        }
        int c = ch - 48;
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * k);
        }
      }
      if (m > 2) {
        x += counts[m - 2];
      }
      if (x < 0 || x > Integer.MAX_VALUE) {
        throw new MalformedRleException(
            start,
            "compressed RLE: count "
                + m
                + " (bytes "
                + start
                + ".."
                + (p - 1)
                + ") is "
                + x
                + (x < 0 ? ", negative" : ", too large"));
      }
      sum += x;
      if (sum > pixels) {
        throw new MalformedRleException(
            start,
            "compressed RLE: count "
                + m
                + " (bytes "
                + start
                + ".."
                + (p - 1)
                + ") brings the total to "
                + sum
                + ", more than height * width = "
                + pixels
                + " (height "
                + height
                + ", width "
                + width
                + ")");
      }
      if (m == counts.length) {
        counts = Arrays.copyOf(counts, m * 2);
      }
      counts[m++] = (int) x;
    }
    if (sum != pixels) {
      throw new MalformedRleException(
          -1,
          "compressed RLE: the counts sum to "
              + sum
              + ", not height * width = "
              + pixels
              + " (height "
              + height
              + ", width "
              + width
              + ")");
    }
    return new RleMask(height, width, counts, m);
  }

  private static String describe(char ch) {
    String code = String.format("0x%02X", (int) ch);
    return ch >= 0x20 && ch < 0x7f ? "'" + ch + "' (" + code + ")" : code;
  }

  /** The pixels in the number of pixels of a size, checked as {@link RleMask} checks it. */
  private static long checkSize(int height, int width) {
    if (height < 0 || width < 0) {
      throw new IllegalArgumentException(
          "height and width must be >= 0, got height " + height + ", width " + width);
    }
    long pixels = (long) height * width;
    if (pixels > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "height * width must be at most " + Integer.MAX_VALUE + ", got " + pixels);
    }
    return pixels;
  }

  /** The counts of a mask, with {@code [0]} standing for no counts at all (no pixels). */
  private static int[] countsOf(RleMask mask) {
    return mask.runCount() == 0 ? new int[] {0} : mask.counts();
  }

  private static void requireSameSize(RleMask a, RleMask b, String nameA, String nameB) {
    if (a.height() != b.height() || a.width() != b.width()) {
      throw new IllegalArgumentException(
          nameA
              + " is "
              + a.height()
              + "x"
              + a.width()
              + " (height x width) but "
              + nameB
              + " is "
              + b.height()
              + "x"
              + b.width()
              + ": masks must have the same size");
    }
  }

  private static void requireCrowdFlags(boolean[] iscrowd, int groundTruths) {
    Objects.requireNonNull(iscrowd, "iscrowd");
    if (iscrowd.length != groundTruths) {
      throw new IllegalArgumentException(
          "iscrowd must have one flag per ground truth ("
              + groundTruths
              + "), got "
              + iscrowd.length);
    }
  }

  private static double[] requireBox(double[] box, String name) {
    Objects.requireNonNull(box, name);
    if (box.length != 4) {
      throw new IllegalArgumentException(
          name + " must be {x, y, width, height} (4 values), got " + box.length);
    }
    return box;
  }
}
