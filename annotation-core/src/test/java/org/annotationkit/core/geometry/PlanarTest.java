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

  @Test
  void convexity() {
    assertThat(Planar.isConvex(new double[] {0, 0, 1, 0, 1, 1, 0, 1})).isTrue();
    assertThat(Planar.isConvex(new double[] {0, 1, 1, 1, 1, 0, 0, 0})).isTrue();
    // Collinear and repeated points do not break convexity.
    assertThat(Planar.isConvex(new double[] {0, 0, 1, 0, 2, 0, 2, 0, 2, 2, 0, 2})).isTrue();
    // An L turns both ways.
    assertThat(Planar.isConvex(new double[] {0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4})).isFalse();
    assertThat(Planar.isConvex(PENTAGRAM)).isFalse();
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
