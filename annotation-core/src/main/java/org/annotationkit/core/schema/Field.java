package org.annotationkit.core.schema;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * One question of a labeling interface: its name, the {@link FieldKind kind} of answer it takes,
 * and the options that shape that answer.
 *
 * <p>What a kind allows is said by its {@link FieldKind} constant, and the constructor checks the
 * field against it:
 *
 * <ul>
 *   <li>labels: a non-empty label set for the kinds that {@linkplain FieldKind#usesLabels() use
 *       labels}; a label set of relation types, which may be empty, for {@link FieldKind#RELATION};
 *       no labels for the others. Only the labels of {@linkplain FieldKind#isRegion() region} kinds
 *       carry attributes. For multiple choice the count of the {@linkplain Constraints constraints}
 *       is the number of labels chosen.
 *   <li>options: of the kind's {@linkplain FieldKind#optionsType() options type}, {@link
 *       FieldOptions.Box} ({@code rotatable}) for boxes, {@link FieldOptions.Keypoints} (the
 *       skeleton, required) for keypoints, {@link FieldOptions.Rating} (the scale, required) for
 *       ratings, {@link FieldOptions.Preference} ({@code allowTies}) for pairwise preferences, and
 *       {@link FieldOptions.None} for the others.
 *   <li>{@link Constraints#allowOverlap()} may be {@code false} only for the {@linkplain
 *       FieldKind#isInterval() interval} kinds, spans and time segments, to forbid two results that
 *       overlap (as in CoNLL-style named entities).
 * </ul>
 *
 * <p>Every kind takes a description and {@linkplain Constraints constraints} on the number of
 * results. Build one with {@link #builder(String, FieldKind)}, which starts from the kind's
 * {@linkplain FieldKind#defaultOptions() default options}.
 *
 * @param name the field's name, unique within its schema: non-empty, no leading or trailing
 *     whitespace, no control characters
 * @param kind what the field asks for
 * @param labels the labels the annotator chooses from
 * @param constraints how many results the field takes, and whether they may overlap
 * @param description the question or instructions shown to annotators
 * @param options the options of the field's kind
 * @since 0.1.0
 */
public record Field(
    String name,
    FieldKind kind,
    LabelSet labels,
    Constraints constraints,
    Optional<String> description,
    FieldOptions options) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException naming the field when an option does not fit its kind
   */
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(options, "options");
    Require.validName(name, "field name");
    String where = where(name, kind);
    if (kind.usesLabels() && labels.isEmpty()) {
      throw new IllegalArgumentException(where + "labels must not be empty");
    }
    if (!kind.takesLabels() && !labels.isEmpty()) {
      throw new IllegalArgumentException(
          where + "takes no labels, got " + labels.size() + " (" + namesOf(labels) + ")");
    }
    if (!kind.isRegion()) {
      for (Label label : labels.all()) {
        if (!label.attributes().isEmpty()) {
          throw new IllegalArgumentException(
              where
                  + "label "
                  + Require.quote(label.name())
                  + " has attributes, but "
                  + kind.jsonName()
                  + " results carry none");
        }
      }
    }
    if (!kind.optionsType().isInstance(options)) {
      throw new IllegalArgumentException(where + misplaced(options));
    }
    if (!constraints.allowOverlap() && !kind.isInterval()) {
      throw new IllegalArgumentException(
          where + "allowOverlap false applies only to " + kindsWhere(FieldKind::isInterval));
    }
  }

  /** Says which kinds take options of this type, such as "rotatable applies only to box fields". */
  private static String misplaced(FieldOptions options) {
    String description = "options";
    for (FieldKind kind : FieldKind.values()) {
      if (kind.optionsType() == options.getClass()) {
        description = kind.optionsDescription();
      }
    }
    return description
        + " applies only to "
        + kindsWhere(kind -> kind.optionsType() == options.getClass());
  }

  private static String kindsWhere(java.util.function.Predicate<FieldKind> test) {
    List<String> names = new ArrayList<>();
    for (FieldKind kind : FieldKind.values()) {
      if (test.test(kind)) {
        names.add(kind.jsonName());
      }
    }
    return String.join(" and ", names) + " fields";
  }

  /**
   * Whether boxes may be rotated: the {@code rotatable} of {@link FieldOptions.Box} options, false
   * for the other kinds.
   *
   * @return whether boxes may be rotated
   */
  public boolean rotatable() {
    return options instanceof FieldOptions.Box box && box.rotatable();
  }

  /**
   * The skeleton of a {@link FieldKind#KEYPOINTS} field.
   *
   * @return the skeleton, or empty for the other kinds
   */
  public Optional<Skeleton> skeleton() {
    return options instanceof FieldOptions.Keypoints keypoints
        ? Optional.of(keypoints.skeleton())
        : Optional.empty();
  }

  /**
   * The scale of a {@link FieldKind#RATING} field.
   *
   * @return the scale, or empty for the other kinds
   */
  public Optional<RatingScale> scale() {
    return options instanceof FieldOptions.Rating rating
        ? Optional.of(rating.scale())
        : Optional.empty();
  }

  /**
   * Whether a tie is allowed: the {@code allowTies} of {@link FieldOptions.Preference} options,
   * false for the other kinds.
   *
   * @return whether ties are allowed
   */
  public boolean allowTies() {
    return options instanceof FieldOptions.Preference preference && preference.allowTies();
  }

  private static String where(String name, FieldKind kind) {
    return "field " + Require.quote(name) + " (" + kind.jsonName() + "): ";
  }

  private static String namesOf(LabelSet labels) {
    StringBuilder names = new StringBuilder();
    for (Label label : labels.all()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(Require.quote(label.name()));
    }
    return names.toString();
  }

  /**
   * Starts a field of the given name and kind: no labels, {@link Constraints#NONE}, no description,
   * and the kind's {@linkplain FieldKind#defaultOptions() default options} (not rotatable, ties
   * allowed), which keypoints and rating fields must replace with a skeleton and a scale.
   *
   * @param name the field's name
   * @param kind what the field asks for
   * @return a builder
   * @throws IllegalArgumentException when the name is malformed
   */
  public static Builder builder(String name, FieldKind kind) {
    return new Builder(name, kind);
  }

  /**
   * A fluent builder of a {@link Field}; {@link #build()} validates through the record's
   * constructor. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final String name;
    private final FieldKind kind;
    private LabelSet labels = LabelSet.empty();
    private boolean required;
    private int minCount;
    private OptionalInt maxCount = OptionalInt.empty();
    private boolean allowOverlap = true;
    private Optional<String> description = Optional.empty();
    private @Nullable FieldOptions options;

    /** Options of another kind than the field's, set with a value that is not neutral. */
    private @Nullable FieldOptions misplaced;

    private Builder(String name, FieldKind kind) {
      this.name = Require.validName(name, "field name");
      this.kind = Objects.requireNonNull(kind, "kind");
      this.options = kind.defaultOptions().orElse(null);
    }

    /**
     * Sets the options of the field's kind, replacing earlier calls of {@link #rotatable}, {@link
     * #skeleton}, {@link #scale} and {@link #allowTies}.
     *
     * @param options options of the kind's {@linkplain FieldKind#optionsType() options type}
     *     (checked by {@link #build()})
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder options(FieldOptions options) {
      Objects.requireNonNull(options, "options");
      if (kind.optionsType().isInstance(options)) {
        this.options = options;
      } else {
        this.misplaced = options;
      }
      return this;
    }

    /** Sets options of one kind; a neutral value for another kind's options changes nothing. */
    private Builder option(FieldOptions options, boolean neutral) {
      return neutral && !kind.optionsType().isInstance(options) ? this : options(options);
    }

    /**
     * Sets the labels.
     *
     * @param labels the label set
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder labels(LabelSet labels) {
      this.labels = Objects.requireNonNull(labels, "labels");
      return this;
    }

    /**
     * Sets the labels to plain labels of the given names.
     *
     * @param names the label names, in display order, no two the same
     * @return this builder
     * @throws IllegalArgumentException naming the field and the label when a name is malformed or
     *     appears twice
     */
    @CanIgnoreReturnValue
    public Builder labels(String... names) {
      Objects.requireNonNull(names, "names");
      try {
        this.labels = LabelSet.of(names);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(name, kind) + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Sets all four constraints at once, replacing earlier calls of {@link #required}, {@link
     * #minCount}, {@link #maxCount} and {@link #allowOverlap}.
     *
     * @param constraints the constraints
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder constraints(Constraints constraints) {
      Objects.requireNonNull(constraints, "constraints");
      this.required = constraints.required();
      this.minCount = constraints.minCount();
      this.maxCount = constraints.maxCount();
      this.allowOverlap = constraints.allowOverlap();
      return this;
    }

    /**
     * Sets whether every annotation must answer the field.
     *
     * @param required whether the field is required
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    /**
     * Sets the least number of results when the field is answered.
     *
     * @param minCount the least count, {@code >= 0} (checked by {@link #build()})
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder minCount(int minCount) {
      this.minCount = minCount;
      return this;
    }

    /**
     * Sets the greatest number of results.
     *
     * @param maxCount the greatest count, {@code >= max(minCount, 1)} (checked by {@link #build()})
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxCount(int maxCount) {
      this.maxCount = OptionalInt.of(maxCount);
      return this;
    }

    /**
     * Sets whether two results may overlap ({@code false} only for span and time-segment fields).
     *
     * @param allowOverlap whether overlaps are allowed
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder allowOverlap(boolean allowOverlap) {
      this.allowOverlap = allowOverlap;
      return this;
    }

    /**
     * Sets the question or instructions shown to annotators.
     *
     * @param description the description
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder description(String description) {
      this.description = Optional.of(Objects.requireNonNull(description, "description"));
      return this;
    }

    /**
     * Sets whether boxes may be rotated (box fields only; {@code false} is ignored for the others).
     *
     * @param rotatable whether boxes may be rotated
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rotatable(boolean rotatable) {
      return option(new FieldOptions.Box(rotatable), !rotatable);
    }

    /**
     * Sets the skeleton (keypoints fields only).
     *
     * @param skeleton the skeleton
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder skeleton(Skeleton skeleton) {
      return options(new FieldOptions.Keypoints(skeleton));
    }

    /**
     * Sets the rating scale (rating fields only).
     *
     * @param scale the scale
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder scale(RatingScale scale) {
      return options(new FieldOptions.Rating(scale));
    }

    /**
     * Sets whether a tie is allowed (pairwise-preference fields only, where it defaults to true;
     * {@code false} is ignored for the others).
     *
     * @param allowTies whether ties are allowed
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder allowTies(boolean allowTies) {
      return option(new FieldOptions.Preference(allowTies), !allowTies);
    }

    /**
     * Builds the field.
     *
     * @return the field
     * @throws IllegalArgumentException naming the field when the options are invalid or do not fit
     *     its kind
     */
    public Field build() {
      Constraints constraints;
      try {
        constraints = new Constraints(required, minCount, maxCount, allowOverlap);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(name, kind) + e.getMessage(), e);
      }
      FieldOptions chosen = misplaced != null ? misplaced : options;
      if (chosen == null) {
        throw new IllegalArgumentException(
            where(name, kind) + kind.optionsDescription() + " is required");
      }
      return new Field(name, kind, labels, constraints, description, chosen);
    }
  }
}
