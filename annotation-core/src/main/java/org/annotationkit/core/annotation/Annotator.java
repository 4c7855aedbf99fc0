package org.annotationkit.core.annotation;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.internal.Require;

/**
 * A person or a model that annotates items.
 *
 * @param id the annotator's id, non-empty; what {@link Annotation#annotatorId()} refers to
 * @param kind whether the annotator is a person or a model
 * @param skills what the annotator is qualified for (languages, domains), non-empty each; copied
 *     into an unmodifiable sorted set
 * @since 0.1.0
 */
public record Annotator(String id, Kind kind, Set<String> skills) {
  /** Checks and copies the parts. */
  public Annotator {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(skills, "skills");
    SortedSet<String> copy = new TreeSet<>();
    for (String skill : skills) {
      Require.nonEmpty(skill, "skill");
      copy.add(skill);
    }
    skills = Collections.unmodifiableSortedSet(copy);
  }

  /**
   * An annotator without recorded skills.
   *
   * @param id the annotator's id, non-empty
   * @param kind whether the annotator is a person or a model
   */
  public Annotator(String id, Kind kind) {
    this(id, kind, Set.of());
  }

  /**
   * Whether this annotator can have made an annotation of an origin: a person makes {@link
   * Origin#HUMAN} annotations, a model makes {@link Origin.Model} ones ({@link
   * Origin#annotatorKind()}).
   *
   * @param origin the origin of an annotation
   * @return whether the origin's annotator kind is this annotator's kind
   */
  public boolean canMake(Origin origin) {
    return origin.annotatorKind() == kind;
  }

  /**
   * Whether this annotator has every one of the skills.
   *
   * @param required the skills asked for
   * @return whether {@link #skills()} contains them all (true when none is asked for)
   */
  public boolean hasSkills(Set<String> required) {
    return skills.containsAll(required);
  }

  /**
   * Whether an annotator is a person or a model.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** A person. */
    HUMAN,
    /** A model. */
    MODEL;

    private static final JsonNames<Kind> NAMES = JsonNames.lowerCase(Kind.class);

    /**
     * The kind's name in canonical JSON: {@code "human"} or {@code "model"}.
     *
     * @return the JSON name
     */
    public String jsonName() {
      return NAMES.name(this);
    }

    /**
     * Finds a kind by its {@linkplain #jsonName() JSON name}.
     *
     * @param jsonName {@code "human"} or {@code "model"}
     * @return the kind, or empty when no kind has that name
     */
    public static Optional<Kind> ofJsonName(String jsonName) {
      return NAMES.find(jsonName);
    }
  }
}
