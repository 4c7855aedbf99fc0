package org.annotationkit.core.annotation;

import java.util.OptionalDouble;
import org.annotationkit.core.internal.Require;

/**
 * Who produced an annotation: a person ({@link #HUMAN}), or a model (a pre-annotation or a
 * prediction).
 *
 * @since 0.1.0
 */
public sealed interface Origin permits Origin.Human, Origin.Model {
  /** The origin of annotations made by people. */
  Origin HUMAN = new Human();

  /**
   * Made by a person. All instances are equal; use {@link Origin#HUMAN}.
   *
   * @since 0.1.0
   */
  record Human() implements Origin {}

  /**
   * Made by a model.
   *
   * @param name the model's name, non-empty
   * @param version the model's version, non-empty
   * @param score the model's overall confidence in the annotation, if any (finite when present)
   * @since 0.1.0
   */
  record Model(String name, String version, OptionalDouble score) implements Origin {
    /** Checks the parts. */
    public Model {
      Require.nonEmpty(name, "name");
      Require.nonEmpty(version, "version");
      Require.finite(score, "score");
    }

    /**
     * A model origin without an overall score.
     *
     * @param name the model's name, non-empty
     * @param version the model's version, non-empty
     */
    public Model(String name, String version) {
      this(name, version, OptionalDouble.empty());
    }
  }
}
