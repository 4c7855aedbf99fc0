package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compressed-string codec's fast paths ({@link CocoRle#toCompressed} writing from the counts in
 * place, {@link CocoRle#fromCompressed} reading the string's bytes) against a line-by-line port of
 * pycocotools' {@code rleToString} / {@code rleFrString} written here, on seeded counts of every
 * magnitude; and, on strings broken at random (foreign characters, characters beyond Latin-1 whose
 * low byte is in the alphabet, truncations, extra characters, wrong sizes), against the checked
 * character-by-character reader: the same mask, or the same exception with the same message and
 * offset.
 */
class CocoRleStringFastPathTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(300);
  }

  /** pycocotools' rleToString, as in maskApi.c. */
  private static String referenceToString(int[] counts) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      long x = counts[i];
      if (i > 2) {
        x -= counts[i - 2];
      }
      boolean more = true;
      while (more) {
        long c = x & 0x1f;
        x >>= 5;
        more = (c & 0x10) != 0 ? x != -1 : x != 0;
        if (more) {
          c |= 0x20;
        }
        s.append((char) (c + 48));
      }
    }
    return s.toString();
  }

  /** pycocotools' rleFrString, as in maskApi.c (for well-formed strings). */
  private static int[] referenceFromString(String s) {
    int[] counts = new int[s.length()];
    int m = 0;
    int p = 0;
    while (p < s.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        long c = s.charAt(p) - 48;
        x |= (c & 0x1f) << 5 * k;
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << 5 * k;
        }
      }
      if (m > 2) {
        x += counts[m - 2];
      }
      counts[m++] = (int) x;
    }
    return Arrays.copyOf(counts, m);
  }

  /** Run lengths of mixed magnitudes: zeros, small, around powers of two, large. */
  private static int[] randomCounts(RandomGenerator random) {
    int n = random.nextInt(60);
    int[] counts = new int[n];
    long budget = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long c =
          switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> random.nextInt(16);
            case 2 -> random.nextInt(1100);
            case 3 -> (1L << random.nextInt(31)) + random.nextInt(3) - 1;
            case 4 -> random.nextInt(1 << 20);
            default -> 1 + random.nextInt(40);
          };
      c = Math.max(0, Math.min(c, budget / 4));
      counts[i] = (int) c;
      budget -= c;
    }
    return counts;
  }

  private static long sum(int[] counts) {
    long sum = 0;
    for (int c : counts) {
      sum += c;
    }
    return sum;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void wellFormedStringsMatchPycocotoolsBothWays(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int[] counts = randomCounts(random);
    int width = (int) sum(counts);
    RleMask mask = new RleMask(1, width, counts);
    String expected = referenceToString(counts);
    String written = CocoRle.toCompressed(mask);
    assertThat(written).isEqualTo(expected);
    assertThat(CocoRle.fromCompressed(written, 1, width).counts())
        .containsExactly(referenceFromString(expected));
    assertThat(CocoRle.fromCompressed(new StringBuilder(written), 1, width).counts())
        .containsExactly(counts);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void brokenStringsFailAsTheCheckedReaderDoes(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int[] counts = randomCounts(random);
    int width = (int) sum(counts);
    String valid = referenceToString(counts);
    for (int trial = 0; trial < 20; trial++) {
      String broken = breakString(random, valid);
      int w = random.nextInt(4) == 0 ? width + random.nextInt(3) - 1 : width;
      int h = w < 0 ? 0 : 1;
      compare(broken, h, Math.max(0, w));
      compare(new StringBuilder(broken), h, Math.max(0, w));
    }
  }

  @Test
  void charactersBeyondLatin1AreNeverReadAsTheirLowByte() {
    // '?' (63) is in the alphabet, and getBytes(ISO_8859_1) turns any character beyond Latin-1 into
    // it; U+0130 and U+0160 have the low bytes '0' and '`'.
    for (char foreign : new char[] {'\u0100', '\u013f', '\u0130', '\u0160', '\u20ac', '\uffff'}) {
      for (String valid : new String[] {"?", "0?", "1?1", "?0?"}) {
        for (int at = 0; at < valid.length(); at++) {
          String broken = valid.substring(0, at) + foreign + valid.substring(at + 1);
          for (int width = 0; width < 80; width++) {
            compare(broken, 1, width);
          }
        }
      }
    }
    assertThat(CocoRle.fromCompressed("?", 1, 15).counts()).containsExactly(15);
  }

  @Test
  void edgeStrings() {
    String[] strings = {
      "",
      "0",
      "1",
      "o",
      "O",
      "P",
      "_",
      "`",
      "/",
      "p",
      "\u00ff",
      "\u0080",
      "PPPPPPP0",
      "PPPPPP0",
      "ooooooo",
      "oooooo1",
      "00000",
      "0P",
      "P",
      "1P0",
      "?"
    };
    for (String s : strings) {
      for (int width = 0; width < 70; width++) {
        compare(s, 1, width);
      }
    }
  }

  private static String breakString(RandomGenerator random, String valid) {
    StringBuilder b = new StringBuilder(valid);
    int kind = random.nextInt(6);
    int at = b.isEmpty() ? 0 : random.nextInt(b.length());
    switch (kind) {
      case 0 -> {
        if (!b.isEmpty()) {
          b.setCharAt(at, randomChar(random));
        }
      }
      case 1 -> b.insert(at, randomChar(random));
      case 2 -> b.setLength(random.nextInt(b.length() + 1));
      case 3 -> {
        if (!b.isEmpty()) {
          b.deleteCharAt(at);
        }
      }
      case 4 -> b.append((char) (48 + 0x20 + random.nextInt(32)));
      default -> {
        // Left well formed (the size may still be wrong).
      }
    }
    return b.toString();
  }

  private static char randomChar(RandomGenerator random) {
    return switch (random.nextInt(5)) {
      case 0 -> (char) random.nextInt(0x180);
      case 1 -> (char) (0x100 + 48 + random.nextInt(64));
      case 2 -> '?';
      case 3 -> (char) (48 + random.nextInt(64));
      default -> (char) random.nextInt(0x10000);
    };
  }

  private static void compare(CharSequence s, int height, int width) {
    Object expected = outcome(() -> CocoRle.fromCompressedChecked(s, height, width));
    Object actual = outcome(() -> CocoRle.fromCompressed(s, height, width));
    assertThat(actual)
        .as(
            "%s at %dx%d",
            Arrays.toString(s.toString().getBytes(StandardCharsets.UTF_16BE)), height, width)
        .isEqualTo(expected);
  }

  private static Object outcome(java.util.function.Supplier<RleMask> read) {
    try {
      return Arrays.toString(read.get().counts());
    } catch (MalformedRleException e) {
      return "MalformedRleException@" + e.offset() + ": " + e.getMessage();
    } catch (IllegalArgumentException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
