package org.annotationkit.core.geometry;

import java.util.Objects;

/**
 * One reason why a {@link Polygon} is not valid, found by {@link Polygon#defects()}.
 *
 * <p>Rings are numbered with the exterior as ring 0 and {@code holes().get(h)} as ring {@code h +
 * 1}. Edge {@code k} of a ring runs from its point {@code k} to its point {@code k + 1} (the last
 * edge back to point 0), counting the points as given, repeated ones included. Where a defect
 * concerns no edge or no second ring, that number is {@code -1}.
 *
 * @param kind what is wrong
 * @param ring the ring at fault: the one with no area, the one that crosses itself, the hole that
 *     leaves the exterior, or the first of two overlapping holes
 * @param edge the ring's edge where two rings cross or where the ring crosses itself, else {@code
 *     -1}
 * @param otherRing the other ring: the same ring for a self-intersection, the exterior (0) for a
 *     hole outside it, the second hole for overlapping holes, {@code -1} for a ring with no area
 * @param otherEdge the other ring's edge that {@code edge} meets, else {@code -1}
 * @param message what is wrong, for a person: the rings, edges and the point where they meet
 * @since 0.1.0
 */
public record PolygonDefect(
    Kind kind, int ring, int edge, int otherRing, int otherEdge, String message) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if a ring is below 0 or an edge or other ring below -1
   */
  public PolygonDefect {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (ring < 0 || edge < -1 || otherRing < -1 || otherEdge < -1) {
      throw new IllegalArgumentException(
          "ring must be >= 0 and edge, otherRing and otherEdge >= -1, got "
              + ring
              + ", "
              + edge
              + ", "
              + otherRing
              + ", "
              + otherEdge);
    }
  }

  /**
   * The kinds of defect, after the rules of the OGC Simple Features model that GEOS and shapely
   * check with {@code is_valid}.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /**
     * A ring encloses no area: all its points lie on one line (or it has fewer than 3 distinct).
     */
    ZERO_AREA,
    /**
     * A ring meets itself other than where consecutive edges join: two edges cross or touch, or the
     * ring doubles back along an edge.
     */
    SELF_INTERSECTION,
    /** A hole is not inside the exterior: it crosses the exterior's boundary or lies outside it. */
    HOLE_OUTSIDE,
    /** Two holes overlap: their boundaries cross, or one lies inside the other. */
    HOLES_OVERLAP
  }

  /**
   * The message.
   *
   * @return {@link #message()}
   */
  @Override
  public String toString() {
    return message;
  }
}
