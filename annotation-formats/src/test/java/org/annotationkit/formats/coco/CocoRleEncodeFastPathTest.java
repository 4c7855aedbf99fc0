package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CocoRle#encode} and {@link CocoRle#decode} (which skip runs eight bytes at a time) against
 * a plain byte-by-byte encoder and decoder written here: runs of every length around the 8-byte
 * word boundaries, array lengths that are not multiples of 8, empty, full and alternating masks.
 */
class CocoRleEncodeFastPathTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** pycocotools' rleEncode, one byte at a time: the first run is of 0s, the last always kept. */
  private static int[] referenceEncode(byte[] pixels) {
    int[] counts = new int[pixels.length + 1];
    int k = 0;
    int previous = 0;
    int run = 0;
    for (byte pixel : pixels) {
      if (pixel != previous) {
        counts[k++] = run;
        run = 0;
        previous = pixel;
      }
      run++;
    }
    counts[k++] = run;
    return Arrays.copyOf(counts, k);
  }

  /** The pixels of counts, one pixel at a time. */
  private static byte[] referenceDecode(int[] counts, int pixels) {
    byte[] out = new byte[pixels];
    int p = 0;
    for (int i = 0; i < counts.length; i++) {
      for (int c = 0; c < counts[i]; c++) {
        out[p++] = (byte) (i % 2);
      }
    }
    return out;
  }

  /** Runs drawn to be short (0..17 bytes, around one and two words) or long, at random offsets. */
  private static byte[] randomPixels(RandomGenerator random, int length) {
    byte[] pixels = new byte[length];
    int mode = random.nextInt(5);
    byte value = (byte) random.nextInt(2);
    int p = 0;
    while (p < length) {
      int run =
          switch (mode) {
            case 0 -> 1 + random.nextInt(17);
            case 1 -> 1 + random.nextInt(200);
            case 2 -> random.nextBoolean() ? 1 + random.nextInt(9) : 7 + random.nextInt(3) * 8;
            case 3 -> 1;
            default -> 1 + random.nextInt(length);
          };
      int end = Math.min(length, p + run);
      Arrays.fill(pixels, p, end, value);
      p = end;
      value = (byte) (1 - value);
    }
    return pixels;
  }

  private static void check(int height, int width, byte[] pixels) {
    int[] expected = referenceEncode(pixels);
    RleMask mask = CocoRle.encode(height, width, pixels);
    assertThat(mask.counts()).as("counts of %dx%d", height, width).containsExactly(expected);
    assertThat(CocoRle.decode(mask)).isEqualTo(referenceDecode(expected, pixels.length));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomRunsMatchTheByteByByteEncoder(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = 1 + random.nextInt(40);
    int width = 1 + random.nextInt(40);
    check(height, width, randomPixels(random, height * width));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aForeignByteAnywhereIsReportedAtItsIndex(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = 1 + random.nextInt(30);
    int width = 1 + random.nextInt(30);
    byte[] pixels = randomPixels(random, height * width);
    int at = random.nextInt(pixels.length);
    byte bad = (byte) (2 + random.nextInt(250));
    pixels[at] = bad;
    assertThatThrownBy(() -> CocoRle.encode(height, width, pixels))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columnMajor[" + at + "]")
        .hasMessageContaining("got " + bad);
  }

  @Test
  void uniformAndAlternatingMasksOfEveryLengthUpTo40() {
    for (int length = 0; length <= 40; length++) {
      byte[] zeros = new byte[length];
      byte[] ones = new byte[length];
      Arrays.fill(ones, (byte) 1);
      byte[] alternating = new byte[length];
      byte[] alternatingFromOne = new byte[length];
      for (int i = 0; i < length; i++) {
        alternating[i] = (byte) (i % 2);
        alternatingFromOne[i] = (byte) (1 - i % 2);
      }
      for (byte[] pixels : new byte[][] {zeros, ones, alternating, alternatingFromOne}) {
        check(1, length, pixels);
      }
    }
  }

  @Test
  void oneSetPixelAtEveryPositionOfThreeWords() {
    for (int at = 0; at < 24; at++) {
      byte[] pixels = new byte[24];
      pixels[at] = 1;
      check(4, 6, pixels);
      byte[] holes = new byte[24];
      Arrays.fill(holes, (byte) 1);
      holes[at] = 0;
      check(6, 4, holes);
    }
  }
}
