package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The package-private plane geometry helpers. */
class PlanarTest {

  /** A five-pointed star drawn in one stroke: every turn goes the same way, yet it self-crosses. */
  private static final double[] PENTAGRAM = pentagram();

  private static double[] pentagram() {
    double[] xy = new double[10];
    for (int i = 0; i < 5; i++) {
      double angle = Math.toRadians(-90 + 144 * i);
      xy[2 * i] = 10 * Math.cos(angle);
      xy[2 * i + 1] = 10 * Math.sin(angle);
    }
    return xy;
  }

  /** Whether a ring is convex, tested as the polygon code does: on its essential points. */
  private static boolean convex(double... xy) {
    int[] kept = Planar.essential(xy, xy.length / 2);
    return Planar.isConvex(Planar.pick(xy, kept), kept.length);
  }

  @Test
  void convexity() {
    assertThat(convex(0, 0, 1, 0, 1, 1, 0, 1)).isTrue();
    assertThat(convex(0, 1, 1, 1, 1, 0, 0, 0)).isTrue();
    // Collinear and repeated points do not break convexity.
    assertThat(convex(0, 0, 1, 0, 2, 0, 2, 0, 2, 2, 0, 2)).isTrue();
    assertThat(convex(0, 0, 1, 0, 1, 1, 0, 1, 0, 0)).isTrue();
    // An L turns both ways.
    assertThat(convex(0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4)).isFalse();
    assertThat(convex(PENTAGRAM)).isFalse();
    // Flat rings and spikes are not convex.
    assertThat(convex(0, 0, 1, 1, 2, 2)).isFalse();
    assertThat(convex(0, 0, 4, 0, 4, 4, 4, 6, 4, 4, 0, 4)).isFalse();
  }

  @Test
  void aRepeatedPointAtAReflexCornerDoesNotHideTheTurn() {
    // Each of the two zero-length edges at (2, 2) used to make the turn there look straight.
    assertThat(convex(0, 0, 4, 0, 4, 2, 2, 2, 2, 2, 2, 4, 0, 4)).isFalse();
    // So did a closing point repeated at a reflex first vertex.
    assertThat(convex(2, 2, 2, 4, 0, 4, 0, 0, 4, 0, 4, 2, 2, 2)).isFalse();
  }

  @Test
  void essentialPointsDropRepeatsClosingPointsAndStraightRunsButKeepSpikes() {
    assertThat(Planar.essential(new double[] {0, 0, 4, 0, 4, 0, 4, 2, 0, 2, 0, 0}, 6))
        .containsExactly(0, 1, 3, 4);
    // (2, 0) lies between (0, 0) and (4, 0); (0, 1) between (0, 2) and the first point (0, 0).
    assertThat(Planar.essential(new double[] {0, 0, 2, 0, 4, 0, 4, 2, 0, 2, 0, 1}, 6))
        .containsExactly(0, 2, 3, 4);
    // The seam: the first point itself lies between the last and the second.
    assertThat(Planar.essential(new double[] {2, 0, 4, 0, 4, 2, 0, 2, 0, 0}, 5))
        .containsExactly(1, 2, 3, 4);
    // The tip of a spike up to (4, 6) is kept, where the ring turns back; the first (4, 4), on
    // the way up from (4, 0), is not needed.
    assertThat(Planar.essential(new double[] {0, 0, 4, 0, 4, 4, 4, 6, 4, 4, 0, 4}, 6))
        .containsExactly(0, 1, 3, 4, 5);
    assertThat(Planar.essential(new double[] {0, 0, 1, 1, 2, 2}, 3)).hasSizeLessThan(3);
  }

  @Test
  void signedAreaIsPositiveForClockwiseOnScreen() {
    // Top-left, top-right, bottom-right, bottom-left with y down: clockwise on screen.
    assertThat(Planar.signedArea(new double[] {0, 0, 2, 0, 2, 3, 0, 3}, 4)).isEqualTo(6);
    assertThat(Planar.signedArea(new double[] {0, 0, 0, 3, 2, 3, 2, 0}, 4)).isEqualTo(-6);
  }

  @Test
  void selfCrossingRingsStillIntersectAsTheirAreaSays() {
    // Not a simple polygon, so outside the documented contract; but a covering square must still
    // meet it in exactly its area(), which the convex shortcut would get wrong (the inner
    // pentagon only).
    Polygon star = Polygon.of(PENTAGRAM);
    Polygon cover = Polygon.of(-20, -20, 20, -20, 20, 20, -20, 20);
    assertThat(Iou.intersectionArea(star, cover)).isCloseTo(star.area(), within(1e-9));
    assertThat(Iou.intersectionArea(cover, star)).isCloseTo(star.area(), within(1e-9));
  }

  @Test
  void sineAndCosineAreExactAtQuarterTurns() {
    assertThat(Planar.sinCosDegrees(90)).containsExactly(1, 0);
    assertThat(Planar.sinCosDegrees(-90)).containsExactly(-1, 0);
    assertThat(Planar.sinCosDegrees(540)).containsExactly(0, -1);
    assertThat(Planar.sinCosDegrees(-720)).containsExactly(0, 1);
    assertThat(Planar.sinCosDegrees(30)[0]).isCloseTo(0.5, within(1e-15));
  }
}
