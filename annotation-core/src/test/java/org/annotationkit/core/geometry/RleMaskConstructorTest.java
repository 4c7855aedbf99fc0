package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The constructor's single pass (sum, set pixels, negative counts, zero runs) against the pixels
 * themselves: counts with zero runs anywhere (first, last, several in a row), of odd and even
 * lengths, give the area and the pixels of a bitmap painted run by run here, equal the canonical
 * mask {@link RleMask#fromBitmap} encodes from that bitmap, and keep their counts as given; a
 * negative count is named at its first index.
 */
class RleMaskConstructorTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void areaAndPixelsMatchABitmapPaintedRunByRun(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = random.nextInt(12);
    int[] counts = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      counts[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
      total += counts[i];
    }
    int height = total == 0 ? random.nextInt(3) : 1;
    int width = total == 0 ? 0 : total;
    if (n == 0 && height * width != 0) {
      return;
    }
    RleMask mask = new RleMask(height, width, counts);
    // Column-major painting, then transposed to the bitmap's row-major order (height is 1 here).
    boolean[] pixels = new boolean[total];
    int p = 0;
    long area = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < counts[i]; k++) {
        pixels[p++] = i % 2 == 1;
      }
      if (i % 2 == 1) {
        area += counts[i];
      }
    }
    assertThat(mask.counts()).containsExactly(counts);
    assertThat(mask.area()).isEqualTo((double) area);
    assertThat(mask.toBitmap()).containsExactly(pixels);
    RleMask canonical = RleMask.fromBitmap(height, width, pixels);
    assertThat(mask).isEqualTo(canonical);
    assertThat(mask.hashCode()).isEqualTo(canonical.hashCode());
    assertThat(mask.bounds()).isEqualTo(canonical.bounds());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theFirstNegativeCountIsNamed(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = 1 + random.nextInt(10);
    int[] counts = new int[n];
    int first = random.nextInt(n);
    for (int i = 0; i < n; i++) {
      counts[i] =
          i < first
              ? random.nextInt(4)
              : i == first ? -1 - random.nextInt(5) : random.nextInt(9) - 4;
    }
    assertThatThrownBy(() -> new RleMask(1, 3, counts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts[" + first + "] must be >= 0, got " + counts[first]);
  }
}
