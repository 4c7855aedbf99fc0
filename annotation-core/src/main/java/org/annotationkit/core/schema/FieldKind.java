package org.annotationkit.core.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.item.ItemKind;
import org.jspecify.annotations.Nullable;

/**
 * What a field of a labeling interface asks the annotator for. Each constant is the one place that
 * says what its kind means: whether its fields have labels, whether its results are regions (or
 * intervals that may be kept from overlapping), which {@linkplain ItemKind kinds of items} it
 * applies to, the {@link Value} type that answers it and the {@link FieldOptions} type its fields
 * hold.
 *
 * @since 0.1.0
 */
public enum FieldKind {
  /** One label out of the field's label set (a classification). */
  SINGLE_CHOICE(Labels.REQUIRED, Shape.PLAIN, Items.ANY, ChoiceValue.class, Options.NONE),
  /** Any number of labels out of the field's label set (multi-label classification). */
  MULTIPLE_CHOICE(Labels.REQUIRED, Shape.PLAIN, Items.ANY, MultipleChoiceValue.class, Options.NONE),
  /** Labeled bounding boxes, optionally rotated ({@link FieldOptions.Box}). */
  BOX(
      Labels.REQUIRED,
      Shape.REGION,
      Items.PICTURES,
      BoxValue.class,
      new Options(FieldOptions.Box.class, new FieldOptions.Box(false), "rotatable")),
  /** Labeled polygons, with holes. */
  POLYGON(Labels.REQUIRED, Shape.REGION, Items.PICTURES, PolygonValue.class, Options.NONE),
  /** Labeled open polylines. */
  POLYLINE(Labels.REQUIRED, Shape.REGION, Items.PICTURES, PolylineValue.class, Options.NONE),
  /**
   * Labeled sets of named keypoints with visibility, joined by the field's skeleton ({@link
   * FieldOptions.Keypoints}, required).
   */
  KEYPOINTS(
      Labels.REQUIRED,
      Shape.REGION,
      Items.PICTURES,
      KeypointsValue.class,
      new Options(FieldOptions.Keypoints.class, null, "a skeleton")),
  /** Labeled run-length masks (segmentation). */
  MASK(Labels.REQUIRED, Shape.REGION, Items.PICTURES, MaskValue.class, Options.NONE),
  /** Labeled spans of text, in code points (named entities); overlaps may be forbidden. */
  SPAN(Labels.REQUIRED, Shape.INTERVAL, EnumSet.of(ItemKind.TEXT), SpanValue.class, Options.NONE),
  /**
   * Directed relations between two regions of the same annotation, optionally typed: its labels
   * (relation types) may be empty.
   */
  RELATION(Labels.OPTIONAL, Shape.PLAIN, Items.ANY, RelationValue.class, Options.NONE),
  /** Labeled segments of audio or video, in seconds; overlaps may be forbidden. */
  TIME_SEGMENT(
      Labels.REQUIRED,
      Shape.INTERVAL,
      EnumSet.of(ItemKind.AUDIO, ItemKind.VIDEO),
      TimeSegmentValue.class,
      Options.NONE),
  /** A transcription of the item, or of one of its regions. */
  TRANSCRIPTION(Labels.NONE, Shape.PLAIN, Items.ANY, TranscriptionValue.class, Options.NONE),
  /** A number on the field's rating scale, Likert or numeric ({@link FieldOptions.Rating}). */
  RATING(
      Labels.NONE,
      Shape.PLAIN,
      Items.ANY,
      RatingValue.class,
      new Options(FieldOptions.Rating.class, null, "a rating scale")),
  /** Which of two model outputs is better, or a tie ({@link FieldOptions.Preference}). */
  PAIRWISE_PREFERENCE(
      Labels.NONE,
      Shape.PLAIN,
      Items.COMPARISONS,
      PreferenceValue.class,
      new Options(FieldOptions.Preference.class, new FieldOptions.Preference(true), "allowTies")),
  /** An order of the model outputs, best first. */
  RANKING(Labels.NONE, Shape.PLAIN, Items.COMPARISONS, RankingValue.class, Options.NONE),
  /** Free text, such as a comment or a rationale. */
  FREE_TEXT(Labels.NONE, Shape.PLAIN, Items.ANY, FreeTextValue.class, Options.NONE);

  /** Whether a kind's fields have labels. */
  private enum Labels {
    REQUIRED,
    OPTIONAL,
    NONE
  }

  /**
   * What a kind's results are: regions of the item, intervals (regions that may overlap), other.
   */
  private enum Shape {
    PLAIN,
    REGION,
    INTERVAL
  }

  /**
   * A kind's type of options, the options of a field that sets none (null: they are required), and
   * what they are called in messages.
   */
  private record Options(
      Class<? extends FieldOptions> type, @Nullable FieldOptions defaults, String description) {
    static final Options NONE =
        new Options(FieldOptions.None.class, FieldOptions.None.INSTANCE, "options");
  }

  /** The sets of item kinds that several field kinds apply to. */
  private static final class Items {
    static final Set<ItemKind> ANY = EnumSet.allOf(ItemKind.class);
    static final Set<ItemKind> PICTURES = EnumSet.of(ItemKind.IMAGE, ItemKind.VIDEO);
    static final Set<ItemKind> COMPARISONS = EnumSet.of(ItemKind.COMPARISON);

    private Items() {}
  }

  private final Labels labels;
  private final Shape shape;

  @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable copy, set once in the constructor
  private final Set<ItemKind> itemKinds;

  private final Class<? extends Value> valueType;

  @SuppressWarnings("ImmutableEnumChecker") // a record of a class and immutable defaults
  private final Options options;

  FieldKind(
      Labels labels,
      Shape shape,
      Set<ItemKind> itemKinds,
      Class<? extends Value> valueType,
      Options options) {
    this.labels = labels;
    this.shape = shape;
    this.itemKinds = Collections.unmodifiableSet(EnumSet.copyOf(itemKinds));
    this.valueType = valueType;
    this.options = options;
  }

  private static final JsonNames<FieldKind> NAMES = JsonNames.lowerCase(FieldKind.class);

  /**
   * The kind's name in canonical JSON: the constant's name in lower case, such as {@code
   * "time_segment"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return NAMES.name(this);
  }

  /**
   * Finds a kind by its {@linkplain #jsonName() JSON name}.
   *
   * @param jsonName a name such as {@code "box"}
   * @return the kind, or empty when no kind has that name
   */
  public static Optional<FieldKind> ofJsonName(String jsonName) {
    return NAMES.find(jsonName);
  }

  /**
   * Whether the field's values name a label of its label set, so that the set must not be empty.
   * True for the choice kinds and the region kinds; {@link #RELATION} may have labels (relation
   * types) but need not.
   *
   * @return whether a label set is required
   */
  public boolean usesLabels() {
    return labels == Labels.REQUIRED;
  }

  /**
   * Whether the field may have labels at all: those that {@linkplain #usesLabels() use} them, and
   * {@link #RELATION}.
   *
   * @return whether a label set is allowed
   */
  public boolean takesLabels() {
    return labels != Labels.NONE;
  }

  /**
   * Whether the field's results are regions: parts of the item that a relation or a transcription
   * may point to. Only the labels of region fields may carry attributes.
   *
   * @return whether results of this kind are regions
   */
  public boolean isRegion() {
    return shape != Shape.PLAIN;
  }

  /**
   * Whether the field's results are intervals on one axis (spans of text, segments of time), so
   * that a field may forbid two of them to overlap ({@link Constraints#allowOverlap()}).
   *
   * @return whether overlaps may be forbidden
   */
  public boolean isInterval() {
    return shape == Shape.INTERVAL;
  }

  /**
   * The kinds of items that results of this kind may annotate: the choices, ratings, free text,
   * transcriptions and relations every item; boxes, polygons, polylines, keypoints and masks images
   * and videos; spans texts; time segments audio and videos; pairwise preferences and rankings
   * comparisons.
   *
   * @return an unmodifiable set, in declaration order
   */
  public Set<ItemKind> itemKinds() {
    return itemKinds;
  }

  /**
   * Whether results of this kind may annotate items of a kind.
   *
   * @param itemKind an item kind
   * @return whether this kind applies to it
   */
  public boolean appliesTo(ItemKind itemKind) {
    Objects.requireNonNull(itemKind, "itemKind");
    return itemKinds.contains(itemKind);
  }

  /**
   * The type of the values that answer a field of this kind, such as {@link BoxValue} for {@link
   * #BOX}.
   *
   * @return the value's record type
   */
  public Class<? extends Value> valueType() {
    return valueType;
  }

  /**
   * The type of the options that a field of this kind holds: {@link FieldOptions.None} for the
   * kinds without options of their own.
   *
   * @return the options' record type
   */
  public Class<? extends FieldOptions> optionsType() {
    return options.type();
  }

  /**
   * The options of a field of this kind that sets none, or empty when the kind's options are
   * required (the skeleton of {@link #KEYPOINTS}, the scale of {@link #RATING}).
   *
   * @return the default options
   */
  public Optional<FieldOptions> defaultOptions() {
    return Optional.ofNullable(options.defaults());
  }

  /** What this kind's options are called in messages: "rotatable", "a skeleton", ... */
  String optionsDescription() {
    return options.description();
  }
}
