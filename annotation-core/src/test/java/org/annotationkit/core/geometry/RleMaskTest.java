package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RleMaskTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /*
   * A 3x2 mask (hand-encoded following the COCO RLE definition: column-major runs, unset first):
   *   row 0: . #
   *   row 1: # #
   *   row 2: . .
   * Column 0 reads . # . and column 1 reads # # ., so the runs are 1, 1, 1, 2, 1.
   */
  private static final boolean[] SMALL = {false, true, true, true, false, false};

  @Test
  void encodesColumnMajorWithUnsetRunFirst() {
    RleMask mask = RleMask.fromBitmap(3, 2, SMALL);
    assertThat(mask.counts()).containsExactly(1, 1, 1, 2, 1);
    assertThat(mask.runCount()).isEqualTo(5);
    assertThat(mask.count(3)).isEqualTo(2);
    assertThat(mask.area()).isEqualTo(3);
    assertThat(mask.bounds()).isEqualTo(Box.of(0, 0, 2, 2));
    assertThat(mask.toBitmap()).containsExactly(SMALL);
  }

  @Test
  void aSetFirstPixelGivesALeadingZero() {
    RleMask mask = RleMask.fromBitmap(2, 2, new boolean[] {true, false, true, false});
    assertThat(mask.counts()).containsExactly(0, 2, 2);
    assertThat(mask.bounds()).isEqualTo(Box.of(0, 0, 1, 2));
  }

  @Test
  void rejectsBadCountsNamingTheArguments() {
    assertThatThrownBy(() -> new RleMask(2, 3, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts must sum to height * width = 6 (height 2, width 3), got 3");
    assertThatThrownBy(() -> new RleMask(2, 3, new int[] {7, -1}))
        .hasMessage("counts[1] must be >= 0, got -1");
    assertThatThrownBy(() -> new RleMask(-1, 3, new int[0]))
        .hasMessage("height must be >= 0, got -1");
    assertThatThrownBy(() -> new RleMask(1, -3, new int[0]))
        .hasMessage("width must be >= 0, got -3");
    assertThatThrownBy(() -> RleMask.empty(70_000, 70_000))
        .hasMessageStartingWith("height * width must be at most 2147483647, got 4900000000");
    assertThatThrownBy(() -> RleMask.fromBitmap(2, 2, new boolean[3]))
        .hasMessage("rowMajor must have height * width = 4 values (height 2, width 2), got 3");
    assertThatThrownBy(() -> RleMask.fromBitmap(2, 2, new boolean[4]).count(1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void countsAreCopiedInAndOut() {
    int[] counts = {1, 2, 3};
    RleMask mask = new RleMask(2, 3, counts);
    counts[0] = 99;
    mask.counts()[1] = 99;
    assertThat(mask.counts()).containsExactly(1, 2, 3);
  }

  @Test
  void zeroLengthRunsDoNotChangeTheMask() {
    RleMask given = new RleMask(2, 3, new int[] {2, 0, 1, 1, 2, 0});
    RleMask canonical = new RleMask(2, 3, new int[] {3, 1, 2});
    assertThat(given).isEqualTo(canonical).hasSameHashCodeAs(canonical);
    assertThat(given.counts()).containsExactly(2, 0, 1, 1, 2, 0);
    assertThat(given.toString()).isEqualTo("RleMask[height=2, width=3, counts=[2, 0, 1, 1, 2, 0]]");
    assertThat(given.area()).isEqualTo(1);
    assertThat(given.bounds()).isEqualTo(Box.of(1, 1, 1, 1));
    assertThat(given).isNotEqualTo(new RleMask(3, 2, new int[] {3, 1, 2}));
    assertThat(given).isNotEqualTo(new RleMask(2, 3, new int[] {3, 2, 1}));
  }

  @Test
  void emptyMasks() {
    RleMask empty = RleMask.empty(4, 5);
    assertThat(empty.counts()).containsExactly(20);
    assertThat(empty.area()).isZero();
    assertThat(empty.bounds()).isEqualTo(Box.of(0, 0, 0, 0));
    assertThat(RleMask.fromBitmap(4, 5, new boolean[20])).isEqualTo(empty);
    assertThat(RleMask.empty(0, 5).counts()).isEmpty();
    assertThat(RleMask.empty(0, 5).toBitmap()).isEmpty();
  }

  @Test
  void boundsOfARunWrappingAcrossColumnsSpanTheFullHeight() {
    // Height 4, width 3: set pixels from (row 3, col 0) through (row 0, col 1), index 3..4.
    RleMask mask = new RleMask(4, 3, new int[] {3, 2, 7});
    assertThat(mask.bounds()).isEqualTo(Box.of(0, 0, 2, 4));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bitmapRoundTripIsCanonicalAndExact(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(0, 12);
    int width = random.nextInt(0, 12);
    boolean[] bits = GeometryGen.bitmap(random, height, width);
    RleMask mask = RleMask.fromBitmap(height, width, bits);

    assertThat(mask.toBitmap()).containsExactly(bits);
    assertThat(mask.height()).isEqualTo(height);
    assertThat(mask.width()).isEqualTo(width);
    int[] counts = mask.counts();
    assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo((long) height * width);
    for (int i = 1; i < counts.length; i++) {
      assertThat(counts[i]).as("run %d of %s", i, mask).isPositive();
    }
    int set = 0;
    for (boolean b : bits) {
      set += b ? 1 : 0;
    }
    assertThat(mask.area()).isEqualTo(set);
    assertThat(new RleMask(height, width, counts)).isEqualTo(mask);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void boundsMatchABruteForceScan(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, 15);
    int width = random.nextInt(1, 15);
    boolean[] bits = new boolean[height * width];
    // A few scattered pixels so that the bounds are not always the whole image.
    int pixels = random.nextInt(0, 6);
    for (int i = 0; i < pixels; i++) {
      bits[random.nextInt(bits.length)] = true;
    }
    int minRow = Integer.MAX_VALUE;
    int maxRow = -1;
    int minCol = Integer.MAX_VALUE;
    int maxCol = -1;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        if (bits[r * width + c]) {
          minRow = Math.min(minRow, r);
          maxRow = Math.max(maxRow, r);
          minCol = Math.min(minCol, c);
          maxCol = Math.max(maxCol, c);
        }
      }
    }
    Box expected =
        maxRow < 0
            ? Box.of(0, 0, 0, 0)
            : Box.of(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
    assertThat(RleMask.fromBitmap(height, width, bits).bounds()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void insertingZeroLengthRunsKeepsEqualityAndIntersections(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, 9);
    int width = random.nextInt(1, 9);
    RleMask mask = RleMask.fromBitmap(height, width, GeometryGen.bitmap(random, height, width));
    RleMask other = RleMask.fromBitmap(height, width, GeometryGen.bitmap(random, height, width));
    // Put each run in the slot of its state, with a zero-length run of the other state between:
    // runs u0, s1, u2, s3 become u0, 0, 0, s1, u2, 0, 0, s3 (unset slots are the even indices).
    int[] counts = mask.counts();
    int[] alternating = new int[counts.length * 2];
    for (int i = 0; i < counts.length; i++) {
      alternating[2 * i] = i % 2 == 0 ? counts[i] : 0;
      alternating[2 * i + 1] = i % 2 == 1 ? counts[i] : 0;
    }
    RleMask noisy = new RleMask(height, width, alternating);
    assertThat(noisy).isEqualTo(mask).hasSameHashCodeAs(mask);
    assertThat(noisy.toBitmap()).containsExactly(mask.toBitmap());
    assertThat(noisy.bounds()).isEqualTo(mask.bounds());
    assertThat(Iou.intersectionArea(noisy, other)).isEqualTo(Iou.intersectionArea(mask, other));
  }
}
