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
   * The kind of {@link Annotator} that makes annotations of this origin: {@link
   * Annotator.Kind#HUMAN} for a person, {@link Annotator.Kind#MODEL} for a model. This is the one
   * place that ties an annotation's origin to its annotator, so the two never say different things
   * (see {@link Annotator#canMake(Origin)}).
   *
   * @return the annotator kind
   */
  Annotator.Kind annotatorKind();

  /**
   * Made by a person. All instances are equal; use {@link Origin#HUMAN}.
   *
   * @since 0.1.0
   */
  record Human() implements Origin {
    /**
     * Returns {@link Annotator.Kind#HUMAN}.
     *
     * @return the annotator kind
     */
    @Override
    public Annotator.Kind annotatorKind() {
      return Annotator.Kind.HUMAN;
    }
  }

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

    /**
     * Returns {@link Annotator.Kind#MODEL}.
     *
     * @return the annotator kind
     */
    @Override
    public Annotator.Kind annotatorKind() {
      return Annotator.Kind.MODEL;
    }
  }
}
