package org.annotationkit.core.geometry;

import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * A named point of a skeleton (such as {@code "left_eye"}) with its visibility, as in COCO keypoint
 * annotations.
 *
 * @param name the skeleton point's name, non-empty
 * @param x the horizontal coordinate in pixels, finite
 * @param y the vertical coordinate in pixels, finite
 * @param visibility whether the point was labeled and whether it is visible
 * @since 0.1.0
 */
public record Keypoint(String name, double x, double y, Visibility visibility) {

  /**
   * Creates a keypoint.
   *
   * @throws IllegalArgumentException if the name is empty or a coordinate is not finite
   */
  public Keypoint {
    Objects.requireNonNull(visibility, "visibility");
    Require.nonEmpty(name, "name");
    Require.finite(x, "x");
    Require.finite(y, "y");
  }

  /**
   * Whether a keypoint was labeled and can be seen, with COCO's flags {@code v = 0, 1, 2}.
   *
   * @since 0.1.0
   */
  public enum Visibility {
    /** Not labeled (COCO {@code v = 0}); the coordinates carry no meaning. */
    NOT_LABELED,
    /** Labeled but not visible, such as hidden behind another object (COCO {@code v = 1}). */
    OCCLUDED,
    /** Labeled and visible (COCO {@code v = 2}). */
    VISIBLE;

    /**
     * The COCO visibility flag.
     *
     * @return 0 for {@link #NOT_LABELED}, 1 for {@link #OCCLUDED}, 2 for {@link #VISIBLE}
     */
    public int cocoFlag() {
      return switch (this) {
        case NOT_LABELED -> 0;
        case OCCLUDED -> 1;
        case VISIBLE -> 2;
      };
    }

    /**
     * The visibility for a COCO flag.
     *
     * @param flag 0, 1 or 2
     * @return the visibility
     * @throws IllegalArgumentException if the flag is not 0, 1 or 2
     */
    public static Visibility ofCocoFlag(int flag) {
      return switch (flag) {
        case 0 -> NOT_LABELED;
        case 1 -> OCCLUDED;
        case 2 -> VISIBLE;
        default -> throw new IllegalArgumentException("flag must be 0, 1 or 2, got " + flag);
      };
    }
  }
}
