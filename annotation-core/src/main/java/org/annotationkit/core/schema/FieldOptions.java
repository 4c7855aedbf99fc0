package org.annotationkit.core.schema;

import java.util.Objects;

/**
 * The options of a field that only some {@linkplain FieldKind kinds} have: each kind names the one
 * type of options it takes ({@link FieldKind#optionsType()}), and a {@link Field} holds options of
 * exactly that type. Kinds without options of their own take {@link None}.
 *
 * <p>Adding an option to a kind means adding it to that kind's record here; adding a kind with
 * options of its own means a new record here and its name in the kind's constant.
 *
 * @since 0.1.0
 */
public sealed interface FieldOptions
    permits FieldOptions.None,
        FieldOptions.Box,
        FieldOptions.Keypoints,
        FieldOptions.Rating,
        FieldOptions.Preference {

  /**
   * No options: the kinds whose fields need nothing beyond labels, constraints and a description.
   *
   * @since 0.1.0
   */
  record None() implements FieldOptions {
    /** The one instance. */
    public static final None INSTANCE = new None();
  }

  /**
   * The options of a {@link FieldKind#BOX} field.
   *
   * @param rotatable whether boxes may be rotated
   * @since 0.1.0
   */
  record Box(boolean rotatable) implements FieldOptions {}

  /**
   * The options of a {@link FieldKind#KEYPOINTS} field: its skeleton, which it must have.
   *
   * @param skeleton the named points and their edges
   * @since 0.1.0
   */
  record Keypoints(Skeleton skeleton) implements FieldOptions {
    /** Checks the skeleton. */
    public Keypoints {
      Objects.requireNonNull(skeleton, "skeleton");
    }
  }

  /**
   * The options of a {@link FieldKind#RATING} field: its scale, which it must have.
   *
   * @param scale the scale of the ratings
   * @since 0.1.0
   */
  record Rating(RatingScale scale) implements FieldOptions {
    /** Checks the scale. */
    public Rating {
      Objects.requireNonNull(scale, "scale");
    }
  }

  /**
   * The options of a {@link FieldKind#PAIRWISE_PREFERENCE} field.
   *
   * @param allowTies whether a tie is an allowed verdict
   * @since 0.1.0
   */
  record Preference(boolean allowTies) implements FieldOptions {}
}
