package org.annotationkit.core.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.core.internal.Require;

/**
 * The named points of a {@link FieldKind#KEYPOINTS} field and the edges drawn between them, such as
 * COCO's person skeleton of 17 points from {@code nose} to {@code right_ankle}.
 *
 * <p>Point names are unique and valid names; every edge joins two different known points, and no
 * two edges join the same pair (in either direction).
 *
 * @param points the point names, in order (the order of a keypoint list in formats that use one)
 * @param edges the edges between points, for display
 * @since 0.1.0
 */
public record Skeleton(List<String> points, List<Skeleton.Edge> edges) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the point or edge when a rule above is broken
   */
  public Skeleton {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(edges, "edges");
    points = List.copyOf(points);
    edges = List.copyOf(edges);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a skeleton must have at least one point");
    }
    for (String point : points) {
      Require.validName(point, "skeleton point name");
    }
    Set<String> names =
        Require.unique(
            points,
            point -> point,
            point -> "skeleton point " + Require.quote(point) + " appears twice");
    Set<List<String>> pairs = new HashSet<>();
    for (Edge edge : edges) {
      for (String end : List.of(edge.from(), edge.to())) {
        if (!names.contains(end)) {
          throw new IllegalArgumentException(
              "skeleton edge " + describe(edge) + " names unknown point " + Require.quote(end));
        }
      }
      if (!pairs.add(List.of(edge.from(), edge.to()))
          || pairs.contains(List.of(edge.to(), edge.from()))) {
        throw new IllegalArgumentException("skeleton edge " + describe(edge) + " appears twice");
      }
    }
  }

  /**
   * An edge between two points of a skeleton. The points must differ.
   *
   * @param from the name of one point
   * @param to the name of the other point
   */
  public record Edge(String from, String to) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the two ends are the same point
     */
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to)) {
        throw new IllegalArgumentException(
            "skeleton edge "
                + Require.quote(from)
                + "-"
                + Require.quote(to)
                + " joins a point to itself");
      }
    }
  }

  private static String describe(Edge edge) {
    return Require.quote(edge.from()) + "-" + Require.quote(edge.to());
  }
}
