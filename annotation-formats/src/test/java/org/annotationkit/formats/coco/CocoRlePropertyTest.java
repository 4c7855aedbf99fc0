package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of {@link CocoRle}, each checked against a pixel-by-pixel computation. */
class CocoRlePropertyTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(300);
  }

  /** A random column-major 0/1 mask: blobs of runs, sometimes empty or full. */
  private static byte[] randomPixels(RandomGenerator random, int height, int width) {
    byte[] pixels = new byte[height * width];
    int mode = random.nextInt(6);
    double density = mode == 0 ? 0 : mode == 1 ? 1 : random.nextDouble();
    byte value = 0;
    for (int p = 0; p < pixels.length; p++) {
      if (random.nextDouble() < 0.3) {
        value = random.nextDouble() < density ? (byte) 1 : 0;
      }
      pixels[p] = value;
    }
    return pixels;
  }

  /** The runs of a pixel array, counted one pixel at a time: pycocotools' definition. */
  private static List<Integer> bruteRuns(byte[] pixels) {
    List<Integer> runs = new ArrayList<>();
    int current = 0;
    int length = 0;
    for (byte pixel : pixels) {
      if (pixel != current) {
        runs.add(length);
        length = 0;
        current = pixel;
      }
      length++;
    }
    runs.add(length);
    return runs;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void encodeDecodeRoundTripsAndMatchesBruteForce(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(0, 20);
    int width = random.nextInt(0, 20);
    byte[] pixels = randomPixels(random, height, width);
    RleMask mask = CocoRle.encode(height, width, pixels);
    assertThat(mask.counts()).containsExactly(toArray(bruteRuns(pixels)));
    assertThat(CocoRle.decode(mask)).containsExactly(pixels);
    long area = 0;
    for (byte pixel : pixels) {
      area += pixel;
    }
    assertThat(CocoRle.area(mask)).isEqualTo(area);
    // The row-major bitmap of core agrees with the column-major pixels.
    boolean[] bitmap = mask.toBitmap();
    for (int c = 0; c < width; c++) {
      for (int r = 0; r < height; r++) {
        assertThat(bitmap[r * width + c]).isEqualTo(pixels[c * height + r] == 1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void compressedStringRoundTrips(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = random.nextInt(0, 40);
    int[] counts = new int[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      int bits = random.nextInt(1, 24);
      counts[i] = (i > 0 && random.nextInt(8) == 0) ? 0 : random.nextInt(1 << bits);
      sum += counts[i];
    }
    int height = 1;
    int width = (int) sum;
    if (sum % 2 == 0 && sum > 0 && random.nextBoolean()) {
      height = 2;
      width = (int) (sum / 2);
    }
    RleMask mask = new RleMask(height, width, counts);
    String compressed = CocoRle.toCompressed(mask);
    for (int i = 0; i < compressed.length(); i++) {
      assertThat(compressed.charAt(i)).isBetween('0', 'o');
    }
    RleMask back = CocoRle.fromCompressed(compressed, height, width);
    assertThat(back.counts()).containsExactly(counts);
    assertThat(CocoRle.toCompressed(back)).isEqualTo(compressed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void areaIsTheSumOfOddRunsAndBboxCoversThePixels(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, 16);
    int width = random.nextInt(1, 16);
    byte[] pixels = randomPixels(random, height, width);
    RleMask mask = CocoRle.encode(height, width, pixels);
    int[] counts = mask.counts();
    long odd = 0;
    for (int i = 1; i < counts.length; i += 2) {
      odd += counts[i];
    }
    assertThat(CocoRle.area(mask)).isEqualTo(odd);
    int minC = width;
    int minR = height;
    int maxC = -1;
    int maxR = -1;
    for (int c = 0; c < width; c++) {
      for (int r = 0; r < height; r++) {
        if (pixels[c * height + r] == 1) {
          minC = Math.min(minC, c);
          maxC = Math.max(maxC, c);
          minR = Math.min(minR, r);
          maxR = Math.max(maxR, r);
        }
      }
    }
    double[] expected =
        maxC < 0 ? new double[4] : new double[] {minC, minR, maxC - minC + 1, maxR - minR + 1};
    assertThat(CocoRle.toBbox(mask)).containsExactly(expected);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mergeMatchesPixelwiseBruteForce(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(0, 12);
    int width = random.nextInt(0, 12);
    int n = random.nextInt(1, 5);
    List<byte[]> pixels = new ArrayList<>();
    List<RleMask> masks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] p = randomPixels(random, height, width);
      pixels.add(p);
      masks.add(CocoRle.encode(height, width, p));
    }
    byte[] or = new byte[height * width];
    byte[] and = new byte[height * width];
    for (int p = 0; p < or.length; p++) {
      int any = 0;
      int all = 1;
      for (byte[] mask : pixels) {
        any |= mask[p];
        all &= mask[p];
      }
      or[p] = (byte) any;
      and[p] = (byte) all;
    }
    RleMask union = CocoRle.union(masks);
    RleMask intersection = CocoRle.intersection(masks);
    assertThat(CocoRle.decode(union)).containsExactly(or);
    assertThat(CocoRle.decode(intersection)).containsExactly(and);
    if (n > 1) {
      // pycocotools' merge writes a run where the merged value changes and at the end: the same
      // counts as encoding the merged pixels, except that a trailing run may be 0.
      assertThat(union).isEqualTo(CocoRle.encode(height, width, or));
      assertThat(CocoRle.area(intersection))
          .isEqualTo(CocoRle.area(CocoRle.encode(height, width, and)));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void maskIouMatchesPixelwiseBruteForce(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, 12);
    int width = random.nextInt(1, 12);
    int m = random.nextInt(0, 4);
    int n = random.nextInt(0, 4);
    List<byte[]> dtPixels = new ArrayList<>();
    List<byte[]> gtPixels = new ArrayList<>();
    List<RleMask> dt = new ArrayList<>();
    List<RleMask> gt = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      dtPixels.add(randomPixels(random, height, width));
      dt.add(CocoRle.encode(height, width, dtPixels.get(i)));
    }
    boolean[] crowd = new boolean[n];
    for (int i = 0; i < n; i++) {
      gtPixels.add(randomPixels(random, height, width));
      gt.add(CocoRle.encode(height, width, gtPixels.get(i)));
      crowd[i] = random.nextBoolean();
    }
    double[][] iou = CocoRle.iou(dt, gt, crowd);
    assertThat(iou.length).isEqualTo(m);
    for (int d = 0; d < m; d++) {
      for (int g = 0; g < n; g++) {
        long both = 0;
        long either = 0;
        long dtArea = 0;
        for (int p = 0; p < height * width; p++) {
          byte a = dtPixels.get(d)[p];
          byte b = gtPixels.get(g)[p];
          both += a & b;
          either += a | b;
          dtArea += a;
        }
        double expected = both == 0 ? 0 : (double) both / (crowd[g] ? dtArea : either);
        assertThat(iou[d][g]).isEqualTo(expected);
        assertThat(CocoRle.iou(dt.get(d), gt.get(g), crowd[g])).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void boxRasterisationOfWholePixelBoxesIsTheBox(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, 20);
    int width = random.nextInt(1, 20);
    int x = random.nextInt(0, width);
    int y = random.nextInt(0, height);
    int w = random.nextInt(1, width - x + 1);
    int h = random.nextInt(1, height - y + 1);
    RleMask mask = CocoRle.fromBox(x, y, w, h, height, width);
    assertThat(CocoRle.area(mask)).isEqualTo((long) w * h);
    assertThat(CocoRle.toBbox(mask)).containsExactly(x, y, w, h);
  }
}
