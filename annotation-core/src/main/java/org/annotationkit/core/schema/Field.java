package org.annotationkit.core.schema;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.annotationkit.core.internal.Require;

/**
 * One question of a labeling interface: its name, the {@link FieldKind kind} of answer it takes,
 * and the options that shape that answer.
 *
 * <p>Which options apply depends on the kind; an option that does not apply must keep its neutral
 * value (empty label set, {@code rotatable false}, no skeleton, no scale, {@code allowTies false},
 * {@code allowOverlap true}), and the constructor rejects anything else:
 *
 * <ul>
 *   <li>{@link FieldKind#SINGLE_CHOICE SINGLE_CHOICE}, {@link FieldKind#MULTIPLE_CHOICE
 *       MULTIPLE_CHOICE}: a non-empty label set, whose labels carry no attributes (a choice has
 *       none). For multiple choice the count of the {@linkplain Constraints constraints} is the
 *       number of labels chosen.
 *   <li>{@link FieldKind#BOX BOX}: a non-empty label set; {@code rotatable} says whether boxes may
 *       be rotated. Labels may carry attributes.
 *   <li>{@link FieldKind#POLYGON POLYGON}, {@link FieldKind#POLYLINE POLYLINE}, {@link
 *       FieldKind#MASK MASK}: a non-empty label set; labels may carry attributes.
 *   <li>{@link FieldKind#KEYPOINTS KEYPOINTS}: a non-empty label set and a {@link Skeleton}
 *       (required) naming the points; labels may carry attributes.
 *   <li>{@link FieldKind#SPAN SPAN}, {@link FieldKind#TIME_SEGMENT TIME_SEGMENT}: a non-empty label
 *       set; labels may carry attributes; {@link Constraints#allowOverlap()} may be {@code false}
 *       to forbid two results that overlap (as in CoNLL-style named entities).
 *   <li>{@link FieldKind#RELATION RELATION}: a label set of relation types, which may be empty
 *       (untyped relations); its labels carry no attributes.
 *   <li>{@link FieldKind#RATING RATING}: a {@link RatingScale} (required).
 *   <li>{@link FieldKind#PAIRWISE_PREFERENCE PAIRWISE_PREFERENCE}: {@code allowTies} says whether a
 *       tie is an allowed verdict.
 *   <li>{@link FieldKind#TRANSCRIPTION TRANSCRIPTION}, {@link FieldKind#RANKING RANKING}, {@link
 *       FieldKind#FREE_TEXT FREE_TEXT}: nothing beyond the name, description and constraints.
 * </ul>
 *
 * <p>Every kind takes a description and {@linkplain Constraints constraints} on the number of
 * results. Build one with {@link #builder(String, FieldKind)}, which starts from the neutral
 * values.
 *
 * @param name the field's name, unique within its schema: non-empty, no leading or trailing
 *     whitespace, no control characters
 * @param kind what the field asks for
 * @param labels the labels the annotator chooses from
 * @param constraints how many results the field takes, and whether they may overlap
 * @param description the question or instructions shown to annotators
 * @param rotatable whether boxes may be rotated ({@link FieldKind#BOX} only)
 * @param skeleton the points of a {@link FieldKind#KEYPOINTS} field
 * @param scale the scale of a {@link FieldKind#RATING} field
 * @param allowTies whether a tie is allowed ({@link FieldKind#PAIRWISE_PREFERENCE} only)
 * @since 0.1.0
 */
public record Field(
    String name,
    FieldKind kind,
    LabelSet labels,
    Constraints constraints,
    Optional<String> description,
    boolean rotatable,
    Optional<Skeleton> skeleton,
    Optional<RatingScale> scale,
    boolean allowTies) {

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
    Objects.requireNonNull(skeleton, "skeleton");
    Objects.requireNonNull(scale, "scale");
    Require.validName(name, "field name");
    String where = where(name, kind);
    if (kind.usesLabels() && labels.isEmpty()) {
      throw new IllegalArgumentException(where + "labels must not be empty");
    }
    if (!kind.usesLabels() && kind != FieldKind.RELATION && !labels.isEmpty()) {
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
    if (rotatable && kind != FieldKind.BOX) {
      throw new IllegalArgumentException(where + "rotatable applies only to box fields");
    }
    if (kind == FieldKind.KEYPOINTS && skeleton.isEmpty()) {
      throw new IllegalArgumentException(where + "a skeleton is required");
    }
    if (kind != FieldKind.KEYPOINTS && skeleton.isPresent()) {
      throw new IllegalArgumentException(where + "a skeleton applies only to keypoints fields");
    }
    if (kind == FieldKind.RATING && scale.isEmpty()) {
      throw new IllegalArgumentException(where + "a rating scale is required");
    }
    if (kind != FieldKind.RATING && scale.isPresent()) {
      throw new IllegalArgumentException(where + "a rating scale applies only to rating fields");
    }
    if (allowTies && kind != FieldKind.PAIRWISE_PREFERENCE) {
      throw new IllegalArgumentException(
          where + "allowTies applies only to pairwise_preference fields");
    }
    if (!constraints.allowOverlap() && kind != FieldKind.SPAN && kind != FieldKind.TIME_SEGMENT) {
      throw new IllegalArgumentException(
          where + "allowOverlap false applies only to span and time_segment fields");
    }
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
   * Starts a field of the given name and kind with neutral options: no labels, {@link
   * Constraints#NONE}, no description, not rotatable, no skeleton, no scale, and ties allowed for a
   * {@link FieldKind#PAIRWISE_PREFERENCE} field.
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
    private boolean rotatable;
    private Optional<Skeleton> skeleton = Optional.empty();
    private Optional<RatingScale> scale = Optional.empty();
    private boolean allowTies;

    private Builder(String name, FieldKind kind) {
      this.name = Require.validName(name, "field name");
      this.kind = Objects.requireNonNull(kind, "kind");
      this.allowTies = kind == FieldKind.PAIRWISE_PREFERENCE;
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
     * Sets whether boxes may be rotated (box fields only).
     *
     * @param rotatable whether boxes may be rotated
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rotatable(boolean rotatable) {
      this.rotatable = rotatable;
      return this;
    }

    /**
     * Sets the skeleton (keypoints fields only).
     *
     * @param skeleton the skeleton
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder skeleton(Skeleton skeleton) {
      this.skeleton = Optional.of(Objects.requireNonNull(skeleton, "skeleton"));
      return this;
    }

    /**
     * Sets the rating scale (rating fields only).
     *
     * @param scale the scale
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder scale(RatingScale scale) {
      this.scale = Optional.of(Objects.requireNonNull(scale, "scale"));
      return this;
    }

    /**
     * Sets whether a tie is allowed (pairwise-preference fields only, where it defaults to true).
     *
     * @param allowTies whether ties are allowed
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder allowTies(boolean allowTies) {
      this.allowTies = allowTies;
      return this;
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
      return new Field(
          name, kind, labels, constraints, description, rotatable, skeleton, scale, allowTies);
    }
  }
}
