package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.BoxFusion.AnnotatorBox;
import org.annotationkit.metrics.aggregation.BoxFusion.FusedBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Weighted box fusion and pixel-wise mask voting: hand-worked cases, brute force, invariants. */
class RegionFusionTest {
  /**
   * Worked by hand from the WBF formulas (Solovyev et al. 2021, eq. 1-3 and the final rescaling):
   * IoU of the two overlapping boxes is 81 / 119 > 0.55, so they form one cluster whose corners are
   * the mean corners, score 1 rescaled by 2 / 3.
   */
  @Test
  void unitScoresGiveMeanCornersAndShareOfAnnotators() {
    List<FusedBox> fused =
        BoxFusion.defaults()
            .fuse(
                List.of(
                    new AnnotatorBox("b", "car", Box.of(1, 1, 10, 10)),
                    new AnnotatorBox("c", "car", Box.of(50, 50, 5, 5)),
                    new AnnotatorBox("a", "car", Box.of(0, 0, 10, 10))));
    assertThat(fused).hasSize(2);
    FusedBox first = fused.get(0);
    assertThat(first.box()).isEqualTo(Box.of(0.5, 0.5, 10, 10));
    assertThat(first.agreed()).isEqualTo(2);
    assertThat(first.annotators()).containsExactly("a", "b");
    assertThat(first.confidence()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(fused.get(1).confidence()).isCloseTo(1.0 / 3, within(1e-15));
    // With a fourth annotator who drew nothing, N = 4.
    assertThat(
            BoxFusion.defaults()
                .fuse(List.of(new AnnotatorBox("a", "car", Box.of(0, 0, 10, 10))), 4)
                .get(0)
                .confidence())
        .isEqualTo(0.25);
  }

  @Test
  void scoresWeighTheCorners() {
    List<FusedBox> fused =
        BoxFusion.defaults()
            .fuse(
                List.of(
                    new AnnotatorBox("a", "car", Box.of(0, 0, 10, 10), 1.0),
                    new AnnotatorBox("b", "car", Box.of(1, 1, 10, 10), 0.5)));
    Box box = fused.get(0).box();
    assertThat(box.x()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(box.width()).isCloseTo(10, within(1e-12));
    // Mean score 0.75, times min(2, 2) / 2.
    assertThat(fused.get(0).confidence()).isCloseTo(0.75, within(1e-15));
  }

  @Test
  void oneBoxPerAnnotatorAndLabelsApart() {
    List<FusedBox> fused =
        BoxFusion.defaults()
            .fuse(
                List.of(
                    new AnnotatorBox("a", "car", Box.of(0, 0, 10, 10)),
                    new AnnotatorBox("a", "car", Box.of(1, 1, 10, 10)),
                    new AnnotatorBox("b", "car", Box.of(0, 0, 10, 10)),
                    new AnnotatorBox("b", "dog", Box.of(0, 0, 10, 10))));
    assertThat(fused).extracting(FusedBox::label).containsExactly("car", "car", "dog");
    assertThat(fused).extracting(FusedBox::agreed).containsExactly(2, 1, 1);
    assertThat(fused.get(0).box()).isEqualTo(Box.of(0, 0, 10, 10));
    assertThat(
            BoxFusion.defaults()
                .withMinAgreement(2)
                .fuse(
                    List.of(
                        new AnnotatorBox("a", "car", Box.of(0, 0, 10, 10)),
                        new AnnotatorBox("b", "car", Box.of(0, 0, 10, 10)),
                        new AnnotatorBox("b", "car", Box.of(40, 0, 10, 10)))))
        .hasSize(1);
    assertThatThrownBy(() ->
            BoxFusion.defaults().fuse(List.of(new AnnotatorBox("a", "car", Box.of(0, 0, 1, 1))), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotatorCount");
  }

  /**
   * Weighted box fusion equals a NumPy port of the paper's reference code ({@code
   * ensemble_boxes.weighted_boxes_fusion}, {@code make_wbf_fixture.py}) on seeded images.
   */
  @Test
  void boxFusionEqualsReferenceCode() {
    java.util.Map<String, List<AnnotatorBox>> boxes = new java.util.TreeMap<>();
    for (String[] r : Fixture.rows("wbf-boxes.csv")) {
      boxes
          .computeIfAbsent(r[0], k -> new ArrayList<>())
          .add(
              new AnnotatorBox(
                  r[1],
                  r[2],
                  Box.of(
                      Double.parseDouble(r[3]),
                      Double.parseDouble(r[4]),
                      Double.parseDouble(r[5]),
                      Double.parseDouble(r[6])),
                  Double.parseDouble(r[7])));
    }
    java.util.Map<String, List<String[]>> expected = new java.util.TreeMap<>();
    for (String[] r : Fixture.rows("wbf-expected.csv")) {
      expected.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
    }
    int checked = 0;
    for (var e : expected.entrySet()) {
      int n = Integer.parseInt(e.getValue().get(0)[8]);
      List<FusedBox> fused =
          new ArrayList<>(
              BoxFusion.defaults()
                  .fuse(java.util.Objects.requireNonNull(boxes.get(e.getKey())), n));
      List<String[]> want = new ArrayList<>(e.getValue());
      java.util.Comparator<FusedBox> byLabelX =
          java.util.Comparator.comparing(FusedBox::label).thenComparingDouble(f -> f.box().x());
      fused.sort(byLabelX);
      want.sort(
          java.util.Comparator.<String[], String>comparing(r -> r[1])
              .thenComparingDouble(r -> Double.parseDouble(r[2])));
      assertThat(fused).as(e.getKey()).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        String[] w = want.get(i);
        FusedBox f = fused.get(i);
        assertThat(f.label()).isEqualTo(w[1]);
        assertThat(f.box().x()).isCloseTo(Double.parseDouble(w[2]), within(1e-9));
        assertThat(f.box().y()).isCloseTo(Double.parseDouble(w[3]), within(1e-9));
        assertThat(f.box().width()).isCloseTo(Double.parseDouble(w[4]), within(1e-9));
        assertThat(f.box().height()).isCloseTo(Double.parseDouble(w[5]), within(1e-9));
        assertThat(f.confidence()).isCloseTo(Double.parseDouble(w[6]), within(1e-12));
        assertThat(f.agreed()).isEqualTo(Integer.parseInt(w[7]));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(83);
  }

  /** A box turned by 90 degrees with width and height swapped is the same rectangle. */
  @Test
  void rotatedBoxesAreAlignedBeforeAveraging() {
    Box a = new Box(0, 0, 20, 10, 10);
    Box b = new Box(5, -5, 10, 20, 100); // same centre (10, 5)
    List<FusedBox> fused =
        BoxFusion.defaults()
            .fuse(List.of(new AnnotatorBox("a", "x", a), new AnnotatorBox("b", "x", b)));
    assertThat(fused).hasSize(1);
    Box f = fused.get(0).box();
    assertThat(f.centerX()).isCloseTo(10, within(1e-12));
    assertThat(f.centerY()).isCloseTo(5, within(1e-12));
    assertThat(f.width()).isCloseTo(20, within(1e-12));
    assertThat(f.height()).isCloseTo(10, within(1e-12));
    assertThat(f.rotation()).isCloseTo(10, within(1e-12));
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(30);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void boxFusionInvariants(long seed) {
    Random random = new Random(seed);
    int annotators = 1 + random.nextInt(5);
    int objects = 1 + random.nextInt(4);
    List<AnnotatorBox> boxes = new ArrayList<>();
    List<AnnotatorBox> unanimous = new ArrayList<>();
    for (int o = 0; o < objects; o++) {
      double x = o * 100 + random.nextInt(20);
      double y = random.nextInt(20);
      String label = random.nextBoolean() ? "cat" : "dog";
      for (int a = 0; a < annotators; a++) {
        unanimous.add(new AnnotatorBox("a" + a, label, Box.of(x, y, 30, 20)));
        if (random.nextDouble() < 0.8) {
          boxes.add(
              new AnnotatorBox(
                  "a" + a,
                  label,
                  Box.of(x + random.nextGaussian(), y + random.nextGaussian(), 30, 20),
                  0.2 + 0.8 * random.nextDouble()));
        }
      }
    }
    if (boxes.isEmpty()) {
      return;
    }
    List<FusedBox> fused = BoxFusion.defaults().fuse(boxes, annotators);
    List<AnnotatorBox> shuffled = new ArrayList<>(boxes);
    Collections.shuffle(shuffled, random);
    assertThat(BoxFusion.defaults().fuse(shuffled, annotators)).isEqualTo(fused);
    int members = 0;
    for (FusedBox f : fused) {
      assertThat(new HashSet<>(f.annotators())).hasSize(f.agreed());
      assertThat(f.agreed()).isBetween(1, annotators);
      assertThat(f.confidence()).isGreaterThan(0).isLessThanOrEqualTo(1);
      members += f.agreed();
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (AnnotatorBox b : boxes) {
        if (b.label().equals(f.label())) {
          lo = Math.min(lo, b.box().x());
          hi = Math.max(hi, b.box().x());
        }
      }
      assertThat(f.box().x()).isBetween(lo - 1e-9, hi + 1e-9);
    }
    assertThat(members).isEqualTo(boxes.size());
    List<FusedBox> same = BoxFusion.defaults().fuse(unanimous, annotators);
    assertThat(same).hasSize(objects);
    for (FusedBox f : same) {
      assertThat(f.agreed()).isEqualTo(annotators);
      assertThat(f.confidence()).isEqualTo(1.0);
      assertThat(f.box().width()).isCloseTo(30, within(1e-9));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void maskVoteEqualsBitmapVote(long seed) {
    Random random = new Random(seed);
    int height = 1 + random.nextInt(12);
    int width = 1 + random.nextInt(12);
    int n = 1 + random.nextInt(6);
    List<RleMask> masks = new ArrayList<>();
    List<boolean[]> bitmaps = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      boolean[] bits = new boolean[height * width];
      double density = random.nextDouble();
      for (int p = 0; p < bits.length; p++) {
        bits[p] = random.nextDouble() < density;
      }
      bitmaps.add(bits);
      masks.add(RleMask.fromBitmap(height, width, bits));
    }
    for (MaskVote vote :
        List.of(
            MaskVote.majority(),
            MaskVote.atLeast(1),
            MaskVote.atLeast(0.01),
            MaskVote.atLeast(0.5),
            MaskVote.atLeast(0.6))) {
      int need = vote.required(n);
      boolean[] expected = new boolean[height * width];
      for (int p = 0; p < expected.length; p++) {
        int votes = 0;
        for (boolean[] bits : bitmaps) {
          votes += bits[p] ? 1 : 0;
        }
        expected[p] = votes >= need;
      }
      RleMask result = vote.vote(masks);
      assertThat(result.toBitmap()).as(vote.toString()).isEqualTo(expected);
      List<RleMask> shuffled = new ArrayList<>(masks);
      Collections.shuffle(shuffled, random);
      assertThat(vote.vote(shuffled).counts()).isEqualTo(result.counts());
    }
    assertThat(MaskVote.majority().required(4)).isEqualTo(3);
    assertThat(MaskVote.atLeast(0.5).required(4)).isEqualTo(2);
    assertThat(MaskVote.atLeast(0.6).required(5)).isEqualTo(3);
    assertThat(MaskVote.atLeast(1).vote(List.of(masks.get(0))).toBitmap())
        .isEqualTo(bitmaps.get(0));
  }

  @Test
  void maskSizesMustAgree() {
    assertThatThrownBy(
            () -> MaskVote.majority().vote(List.of(RleMask.empty(2, 2), RleMask.empty(2, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("masks[1]");
  }
}
