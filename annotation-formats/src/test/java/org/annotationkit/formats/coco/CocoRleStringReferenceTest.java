package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CocoRle}'s compressed strings against a second encoder written here from the format's
 * definition (FORMATS.md section 5, pycocotools' {@code rleToString}), not from our code: each
 * value (a count, or from the fourth count on its difference to the count two places earlier) is
 * the shortest run of 5-bit two's-complement digits, least significant first, whose top digit's
 * sign bit (0x10) gives the value's sign; each digit is written as the character {@code 48 +
 * digit}, plus 32 on every digit but the last. The reference finds the shortest length by trying 1,
 * 2, 3, ... digits with exact arithmetic ({@link BigInteger}), where {@code CocoRle} shifts until
 * the rest is all sign bits, so the two share no code. Pycocotools itself cannot be run here
 * (Debian bookworm has no python3-pycocotools); the strings it gives for known inputs are pinned in
 * {@link CocoRleReferenceTest}.
 */
class CocoRleStringReferenceTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(400);
  }

  /** The compressed string of counts, straight from the definition. */
  static String reference(int[] counts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      BigInteger value = BigInteger.valueOf(counts[i]);
      if (i > 2) {
        value = value.subtract(BigInteger.valueOf(counts[i - 2]));
      }
      int digits = 1;
      // k digits hold the signed values [-2^(5k-1), 2^(5k-1) - 1].
      while (value.compareTo(BigInteger.ONE.shiftLeft(5 * digits - 1).negate()) < 0
          || value.compareTo(BigInteger.ONE.shiftLeft(5 * digits - 1)) >= 0) {
        digits++;
      }
      BigInteger modulus = BigInteger.ONE.shiftLeft(5 * digits);
      BigInteger unsigned = value.mod(modulus);
      for (int d = 0; d < digits; d++) {
        int digit = unsigned.shiftRight(5 * d).intValue() & 31;
        out.append((char) (48 + digit + (d < digits - 1 ? 32 : 0)));
      }
    }
    return out.toString();
  }

  /** Counts from the string, by the same definition read backwards. */
  static long[] referenceDecode(String text) {
    List<Long> values = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      BigInteger unsigned = BigInteger.ZERO;
      int digits = 0;
      boolean more = true;
      while (more) {
        int c = text.charAt(at++) - 48;
        more = c >= 32;
        unsigned = unsigned.or(BigInteger.valueOf(c & 31).shiftLeft(5 * digits));
        digits++;
      }
      BigInteger value = unsigned;
      if (unsigned.testBit(5 * digits - 1)) {
        value = unsigned.subtract(BigInteger.ONE.shiftLeft(5 * digits));
      }
      values.add(value.longValueExact());
    }
    long[] counts = new long[values.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = values.get(i) + (i > 2 ? counts[i - 2] : 0);
    }
    return counts;
  }

  @Test
  void referenceAgreesWithPycocotoolsOnPinnedStrings() {
    // The strings of CocoRleReferenceTest, made by pycocotools' C code: the reference encoder is
    // right on them too, so it can stand in for pycocotools on the random masks below.
    assertThat(reference(new int[] {0, 4, 6, 3, 7, 2, 8, 1, 69})).isEqualTo("046O1O1Om1");
    assertThat(reference(new int[] {0, 3, 8, 1, 9, 1, 8, 3, 67})).isEqualTo("038N10O2k1");
    assertThat(reference(new int[] {22, 4, 6, 4, 6, 4, 54})).isEqualTo("f046000`1");
    assertThat(reference(new int[] {0, 100})).isEqualTo("0T3");
    assertThat(reference(new int[] {0, 1, 300_000, 2, 5, 1_000_000, 3}))
        .isEqualTo("01PoT91UQkFna`n0N");
    assertThat(reference(new int[] {5, 1 << 30, 6, 20})).isEqualTo("5PPPPPP16dPPPPPO");
    assertThat(referenceDecode("01PoT91UQkFna`n0N"))
        .containsExactly(0, 1, 300_000, 2, 5, 1_000_000, 3);
  }

  /** A random column-major mask: runs of random lengths, a density per mask, edge cases often. */
  private static byte[] randomPixels(RandomGenerator random, int height, int width) {
    byte[] pixels = new byte[height * width];
    int mode = random.nextInt(8);
    double density = mode == 0 ? 0 : mode == 1 ? 1 : random.nextDouble();
    double change = mode == 2 ? 0.9 : mode == 3 ? 0.002 : random.nextDouble() * 0.5;
    byte value = random.nextDouble() < density ? (byte) 1 : 0;
    for (int p = 0; p < pixels.length; p++) {
      if (random.nextDouble() < change) {
        value = random.nextDouble() < density ? (byte) 1 : 0;
      }
      pixels[p] = value;
    }
    return pixels;
  }

  /** The runs of a column-major pixel array, first run background, one pixel at a time. */
  private static int[] runs(byte[] pixels) {
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
    return runs.stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomMasksCompressAsTheReference(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, random.nextBoolean() ? 12 : 300);
    int width = random.nextInt(1, random.nextBoolean() ? 12 : 300);
    byte[] pixels = randomPixels(random, height, width);

    RleMask mask = CocoRle.encode(height, width, pixels);
    String expected = reference(runs(pixels));

    assertThat(CocoRle.toCompressed(mask)).isEqualTo(expected);
    assertThat(CocoRle.fromCompressed(expected, height, width).counts())
        .containsExactly(runs(pixels));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void largeAndZeroCountsCompressAsTheReference(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = random.nextInt(1, 30);
    int[] counts = new int[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      // Lengths of every size below 2^26 (29 of them still fit an int), so that deltas of 1 to 6
      // digits and of both signs occur.
      int bits = random.nextInt(0, 27);
      counts[i] = (i > 0 && random.nextInt(6) == 0) ? 0 : random.nextInt(1 << bits | 1);
      sum += counts[i];
    }
    if (sum == 0) {
      counts[0] = 1;
      sum = 1;
    }
    RleMask mask = new RleMask(1, (int) sum, counts);
    String expected = reference(counts);

    assertThat(CocoRle.toCompressed(mask)).isEqualTo(expected);
    long[] decoded = referenceDecode(CocoRle.toCompressed(mask));
    assertThat(decoded).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(decoded[i]).isEqualTo(counts[i]);
    }
    assertThat(CocoRle.fromCompressed(expected, 1, (int) sum).counts()).containsExactly(counts);
  }
}
