package org.annotationkit.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
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
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Plants known violations into a valid annotation, for tests of the validator: given an annotation
 * that is valid for a schema and an item (such as one from {@link
 * DomainGenerator#validAnnotation(Schema, Item)}), {@link #plant(Annotation, Schema, Item, int)}
 * breaks it in {@code k} different ways and returns the broken annotation together with the JSON
 * pointer of every violation the validator must report, and no others.
 *
 * <p>Each violation is of a different {@link Kind}, chosen at random among those that the schema,
 * the item and the annotation make possible, and each is planted so that it causes no other
 * violation: a relabeled value keeps no attributes that the new label would reject, an extended
 * span loses its covered text and is the last of its field, removed results are not the target of a
 * relation, and no two violations touch the same result or the counts of the same field.
 *
 * <p>The pointers are those of the annotation's canonical JSON, as {@code
 * org.annotationkit.core.validation.AnnotationValidator} reports them: {@code "/item"}, {@code
 * "/results"}, {@code "/results/3/field"}, {@code "/results/0/value/end"}, {@code
 * "/results/2/value/attributes/colour"} (names escaped as RFC 6901 reference tokens).
 *
 * @since 0.1.0
 */
public final class ViolationPlanter {

  /** The kinds of violations a planter can plant. */
  public enum Kind {
    /** The annotation names another item ({@code /item}). */
    ITEM_ID_MISMATCH,
    /** A result names a field that the schema lacks ({@code /results/i/field}). */
    UNKNOWN_FIELD,
    /** A result's value is of another kind than its field ({@code /results/i/value}). */
    WRONG_VALUE_KIND,
    /** A label (or relation label) outside the field's label set ({@code /value/label}). */
    UNKNOWN_LABEL,
    /** An attribute the value's label does not declare ({@code /value/attributes/name}). */
    UNKNOWN_ATTRIBUTE,
    /** A required attribute left out ({@code /value/attributes}). */
    MISSING_REQUIRED_ATTRIBUTE,
    /** An enum attribute whose text is not one of its options. */
    ENUM_NOT_AN_OPTION,
    /** A number attribute outside its range. */
    NUMBER_OUT_OF_RANGE,
    /**
     * A box past the right edge of the image ({@code /value/width}, or {@code /value/rotation}).
     */
    BOX_PAST_RIGHT_EDGE,
    /** A rotated box in a field that does not allow rotation ({@code /value/rotation}). */
    ROTATED_IN_FIXED_FIELD,
    /** A polygon or polyline point outside the image ({@code /value/points/k}). */
    POINT_OUTSIDE_IMAGE,
    /** A keypoint whose name is not in the skeleton ({@code /value/points/k/name}). */
    KEYPOINT_NOT_IN_SKELETON,
    /** A mask taller than the image ({@code /value/height}). */
    MASK_WRONG_SIZE,
    /** A span that ends past the end of the text ({@code /value/end}). */
    SPAN_PAST_END,
    /** A span whose covered text differs from the text it covers ({@code /value/text}). */
    SPAN_TEXT_MISMATCH,
    /** A time segment that ends past the end of the media ({@code /value/end}). */
    SEGMENT_PAST_END,
    /** A relation to a result id that does not exist ({@code /value/to}). */
    RELATION_TO_UNKNOWN_ID,
    /** A transcription of a result id that does not exist ({@code /value/target}). */
    TRANSCRIPTION_OF_UNKNOWN_ID,
    /** A rating off the field's scale ({@code /value/value}). */
    RATING_OFF_SCALE,
    /** A preference naming a response the item lacks ({@code /value/first}). */
    PREFERENCE_UNKNOWN_RESPONSE,
    /** A tie in a field that does not allow ties ({@code /value/verdict}). */
    TIE_NOT_ALLOWED,
    /** A ranking that also names a response the item lacks ({@code /value/order/k}). */
    RANKING_UNKNOWN_RESPONSE,
    /** Every result of a required field removed ({@code /results}). */
    MISSING_REQUIRED_FIELD,
    /**
     * A second single choice ({@code /results/j}), or more labels than a multiple choice field
     * allows ({@code /results/i/value/labels}).
     */
    TOO_MANY_CHOICES;

    /**
     * The code the validator reports this kind of violation with.
     *
     * @param path the pointer the violation is planted at (which tells a second single choice,
     *     {@link Violation.Code#EXTRA_CHOICE}, from too many labels chosen, {@link
     *     Violation.Code#TOO_MANY})
     * @return the code
     */
    public Violation.Code code(String path) {
      return switch (this) {
        case ITEM_ID_MISMATCH -> Violation.Code.ITEM_MISMATCH;
        case UNKNOWN_FIELD -> Violation.Code.UNKNOWN_FIELD;
        case WRONG_VALUE_KIND -> Violation.Code.WRONG_VALUE_KIND;
        case UNKNOWN_LABEL -> Violation.Code.UNKNOWN_LABEL;
        case UNKNOWN_ATTRIBUTE -> Violation.Code.UNKNOWN_ATTRIBUTE;
        case MISSING_REQUIRED_ATTRIBUTE -> Violation.Code.MISSING_ATTRIBUTE;
        case ENUM_NOT_AN_OPTION -> Violation.Code.ATTRIBUTE_NOT_AN_OPTION;
        case NUMBER_OUT_OF_RANGE -> Violation.Code.ATTRIBUTE_OUT_OF_RANGE;
        case BOX_PAST_RIGHT_EDGE, POINT_OUTSIDE_IMAGE -> Violation.Code.OUTSIDE_FRAME;
        case ROTATED_IN_FIXED_FIELD -> Violation.Code.ROTATION_NOT_ALLOWED;
        case KEYPOINT_NOT_IN_SKELETON -> Violation.Code.UNKNOWN_KEYPOINT;
        case MASK_WRONG_SIZE -> Violation.Code.MASK_SIZE_MISMATCH;
        case SPAN_PAST_END -> Violation.Code.SPAN_PAST_END;
        case SPAN_TEXT_MISMATCH -> Violation.Code.SPAN_TEXT_MISMATCH;
        case SEGMENT_PAST_END -> Violation.Code.SEGMENT_PAST_END;
        case RELATION_TO_UNKNOWN_ID, TRANSCRIPTION_OF_UNKNOWN_ID -> Violation.Code.NOT_A_REGION;
        case RATING_OFF_SCALE -> Violation.Code.OFF_SCALE;
        case PREFERENCE_UNKNOWN_RESPONSE, RANKING_UNKNOWN_RESPONSE ->
            Violation.Code.UNKNOWN_RESPONSE;
        case TIE_NOT_ALLOWED -> Violation.Code.TIE_NOT_ALLOWED;
        case MISSING_REQUIRED_FIELD -> Violation.Code.MISSING_REQUIRED_FIELD;
        case TOO_MANY_CHOICES ->
            path.endsWith("/value/labels") ? Violation.Code.TOO_MANY : Violation.Code.EXTRA_CHOICE;
      };
    }
  }

  /**
   * An annotation with planted violations.
   *
   * @param annotation the annotation, invalid in exactly the planted ways
   * @param kinds the kinds of the planted violations, in the order planted
   * @param paths the JSON pointers at which the validator must report them, in the same order
   * @param codes the codes the validator must report them with, in the same order
   */
  public record Planted(
      Annotation annotation, List<Kind> kinds, List<String> paths, List<Violation.Code> codes) {
    /**
     * Copies the lists.
     *
     * @param annotation the annotation
     * @param kinds the kinds planted
     * @param paths the expected pointers
     * @param codes the expected codes
     */
    public Planted {
      Objects.requireNonNull(annotation, "annotation");
      kinds = List.copyOf(kinds);
      paths = List.copyOf(paths);
      codes = List.copyOf(codes);
    }

    /**
     * The violations the validator must report, each as {@code "<path> <code>"}, in planting order;
     * compare them with {@link #describe(Violation)} of what was reported.
     *
     * @return one line per planted violation
     */
    public List<String> expected() {
      List<String> lines = new ArrayList<>(paths.size());
      for (int i = 0; i < paths.size(); i++) {
        lines.add(paths.get(i) + " " + codes.get(i));
      }
      return lines;
    }

    /**
     * A reported violation as {@code "<path> <code>"}, as {@link #expected()} lists them.
     *
     * @param violation a violation
     * @return its path and code
     */
    public static String describe(Violation violation) {
      return violation.path() + " " + violation.code();
    }
  }

  private final RandomGenerator random;

  /**
   * A planter drawing its choices from {@code random}.
   *
   * @param random the source of randomness, typically {@link Seeds#random(long)}
   */
  public ViolationPlanter(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Plants {@code k} violations of different kinds into a valid annotation, or as many as the
   * schema, the item and the annotation make possible when that is fewer (never fewer than one: an
   * unknown field and a wrong item id are always possible).
   *
   * @param valid an annotation with no violations for {@code schema} and {@code item}
   * @param schema the schema it follows
   * @param item the item it annotates
   * @param k how many violations to plant, {@code >= 1}
   * @return the broken annotation and the pointers of its violations
   */
  public Planted plant(Annotation valid, Schema schema, Item item, int k) {
    Objects.requireNonNull(valid, "valid");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(item, "item");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    Work work = new Work(valid, schema, item);
    List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
    Collections.shuffle(kinds, random);
    List<Kind> planted = new ArrayList<>();
    for (Kind kind : kinds) {
      if (planted.size() == k) {
        break;
      }
      if (work.plant(kind)) {
        planted.add(kind);
      }
    }
    List<String> paths = work.paths();
    List<Violation.Code> codes = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      codes.add(planted.get(i).code(paths.get(i)));
    }
    return new Planted(work.annotation(), planted, paths, codes);
  }

  /**
   * The JSON pointer reference token of a name (RFC 6901): {@code ~} as {@code ~0}, {@code /} as
   * {@code ~1}.
   *
   * @param name a member name
   * @return the escaped token
   */
  public static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** A result of the annotation being broken; identity matters, not value. */
  private static final class Slot {
    Result result;

    Slot(Result result) {
      this.result = result;
    }

    Value value() {
      return result.value();
    }

    void set(Value value) {
      result = new Result(result.id(), result.field(), value, result.score());
    }
  }

  /** A pointer into the final annotation: below a result, or at the annotation's level. */
  private record Expected(@Nullable Slot slot, String suffix) {}

  /** The annotation being broken, and the bookkeeping that keeps the violations independent. */
  private final class Work {
    private final Annotation original;
    private final Schema schema;
    private final Item item;
    private final ItemKind itemKind;
    private final List<Slot> slots = new ArrayList<>();
    private final List<Expected> expected = new ArrayList<>();
    private final Set<Slot> touched = Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Fields whose result set or counts changed: nothing else may touch their results. */
    private final Set<String> lockedFields = new HashSet<>();

    /** Fields with a touched result: their counts must not change. */
    private final Set<String> usedFields = new HashSet<>();

    private final Set<String> ids = new HashSet<>();
    private String itemId;
    private int serial;

    Work(Annotation original, Schema schema, Item item) {
      this.original = original;
      this.schema = schema;
      this.item = item;
      this.itemKind = item.kind();
      this.itemId = original.itemId();
      for (Result result : original.results()) {
        slots.add(new Slot(result));
        ids.add(result.id());
      }
    }

    Annotation annotation() {
      List<Result> results = slots.stream().map(slot -> slot.result).toList();
      return new Annotation(
          original.id(),
          itemId,
          original.annotatorId(),
          results,
          original.origin(),
          original.createdAt(),
          original.leadTimeSeconds(),
          original.reviewState());
    }

    List<String> paths() {
      List<String> paths = new ArrayList<>(expected.size());
      for (Expected e : expected) {
        Slot slot = e.slot();
        if (slot == null) {
          paths.add(e.suffix());
        } else {
          int index = indexOf(slot);
          if (index < 0) {
            throw new IllegalStateException("a planted result was removed: " + slot.result);
          }
          paths.add("/results/" + index + e.suffix());
        }
      }
      return paths;
    }

    private int indexOf(Slot slot) {
      for (int i = 0; i < slots.size(); i++) {
        if (slots.get(i) == slot) {
          return i;
        }
      }
      return -1;
    }

    private String fresh(String prefix) {
      String id;
      do {
        id = prefix + "-" + ++serial + "-" + Integer.toString(random.nextInt(1 << 20), 36);
      } while (ids.contains(id) || schema.field(id).isPresent());
      ids.add(id);
      return id;
    }

    private Optional<Field> field(Slot slot) {
      return schema.field(slot.result.field());
    }

    /** Untouched results of known, applicable fields whose value has the field's kind. */
    private List<Slot> candidates(FieldKind kind) {
      List<Slot> found = new ArrayList<>();
      for (Slot slot : slots) {
        Optional<Field> field = field(slot);
        if (!touched.contains(slot)
            && field.isPresent()
            && field.get().kind() == kind
            && slot.value().kind() == kind
            && itemKind.accepts(kind)
            && !lockedFields.contains(field.get().name())) {
          found.add(slot);
        }
      }
      return found;
    }

    private @Nullable Slot pick(List<Slot> candidates) {
      return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private void touch(Slot slot, String suffix) {
      touched.add(slot);
      usedFields.add(slot.result.field());
      expected.add(new Expected(slot, suffix));
    }

    private Slot append(String field, Value value) {
      Slot slot = new Slot(Result.of(fresh("planted"), field, value));
      slots.add(slot);
      touched.add(slot);
      return slot;
    }

    boolean plant(Kind kind) {
      return switch (kind) {
        case ITEM_ID_MISMATCH -> itemIdMismatch();
        case UNKNOWN_FIELD -> unknownField();
        case WRONG_VALUE_KIND -> wrongValueKind();
        case UNKNOWN_LABEL -> unknownLabel();
        case UNKNOWN_ATTRIBUTE -> unknownAttribute();
        case MISSING_REQUIRED_ATTRIBUTE -> missingRequiredAttribute();
        case ENUM_NOT_AN_OPTION -> attributeValue(AttributeType.ENUM);
        case NUMBER_OUT_OF_RANGE -> attributeValue(AttributeType.NUMBER);
        case BOX_PAST_RIGHT_EDGE -> boxPastRightEdge();
        case ROTATED_IN_FIXED_FIELD -> rotatedInFixedField();
        case POINT_OUTSIDE_IMAGE -> pointOutsideImage();
        case KEYPOINT_NOT_IN_SKELETON -> keypointNotInSkeleton();
        case MASK_WRONG_SIZE -> maskWrongSize();
        case SPAN_PAST_END -> spanPastEnd();
        case SPAN_TEXT_MISMATCH -> spanTextMismatch();
        case SEGMENT_PAST_END -> segmentPastEnd();
        case RELATION_TO_UNKNOWN_ID -> relationToUnknownId();
        case TRANSCRIPTION_OF_UNKNOWN_ID -> transcriptionOfUnknownId();
        case RATING_OFF_SCALE -> ratingOffScale();
        case PREFERENCE_UNKNOWN_RESPONSE -> preferenceUnknownResponse();
        case TIE_NOT_ALLOWED -> tieNotAllowed();
        case RANKING_UNKNOWN_RESPONSE -> rankingUnknownResponse();
        case MISSING_REQUIRED_FIELD -> missingRequiredField();
        case TOO_MANY_CHOICES -> tooManyChoices();
      };
    }

    // ------------------------------------------------------------ annotation and fields

    private boolean itemIdMismatch() {
      itemId = item.id() + "#other";
      expected.add(new Expected(null, "/item"));
      return true;
    }

    private boolean unknownField() {
      String name = fresh("no such field");
      Slot slot = append(name, new FreeTextValue("planted"));
      expected.add(new Expected(slot, "/field"));
      return true;
    }

    private boolean wrongValueKind() {
      List<Field> fields = new ArrayList<>();
      for (Field field : schema.fields()) {
        String name = field.name();
        if (!itemKind.accepts(field.kind())
            || lockedFields.contains(name)
            || usedFields.contains(name)
            || field.kind() == FieldKind.SINGLE_CHOICE) {
          continue;
        }
        int count = (int) slots.stream().filter(s -> s.result.field().equals(name)).count();
        if (field.kind() == FieldKind.MULTIPLE_CHOICE
            || field.constraints().maxCount().isEmpty()
            || count < field.constraints().maxCount().getAsInt()) {
          fields.add(field);
        }
      }
      if (fields.isEmpty()) {
        return false;
      }
      Field field = fields.get(random.nextInt(fields.size()));
      Value value =
          field.kind() == FieldKind.FREE_TEXT ? new RatingValue(3) : new FreeTextValue("planted");
      Slot slot = append(field.name(), value);
      lockedFields.add(field.name());
      expected.add(new Expected(slot, "/value"));
      return true;
    }

    private boolean missingRequiredField() {
      List<Field> fields = new ArrayList<>();
      for (Field field : schema.fields()) {
        if (field.constraints().required()
            && itemKind.accepts(field.kind())
            && !lockedFields.contains(field.name())
            && !usedFields.contains(field.name())
            && canRemove(field.name())) {
          fields.add(field);
        }
      }
      if (fields.isEmpty()) {
        return false;
      }
      String name = fields.get(random.nextInt(fields.size())).name();
      slots.removeIf(slot -> slot.result.field().equals(name));
      lockedFields.add(name);
      expected.add(new Expected(null, "/results"));
      return true;
    }

    /** Whether the field has results and no other result points to one of them. */
    private boolean canRemove(String field) {
      Set<String> removed = new HashSet<>();
      for (Slot slot : slots) {
        if (slot.result.field().equals(field)) {
          removed.add(slot.result.id());
        }
      }
      if (removed.isEmpty()) {
        return false;
      }
      for (Slot slot : slots) {
        if (slot.result.field().equals(field)) {
          continue;
        }
        switch (slot.value()) {
          case RelationValue v -> {
            if (removed.contains(v.from()) || removed.contains(v.to())) {
              return false;
            }
          }
          case TranscriptionValue v -> {
            if (v.target().isPresent() && removed.contains(v.target().get())) {
              return false;
            }
          }
          default -> {}
        }
      }
      return true;
    }

    private boolean tooManyChoices() {
      List<Field> fields = new ArrayList<>();
      for (Field field : schema.fields()) {
        String name = field.name();
        if (lockedFields.contains(name) || usedFields.contains(name)) {
          continue;
        }
        if (field.kind() == FieldKind.SINGLE_CHOICE
            || (field.kind() == FieldKind.MULTIPLE_CHOICE
                && field.constraints().maxCount().isPresent())) {
          fields.add(field);
        }
      }
      if (fields.isEmpty()) {
        return false;
      }
      Field field = fields.get(random.nextInt(fields.size()));
      List<String> labels = field.labels().all().stream().map(Label::name).toList();
      List<Slot> existing =
          slots.stream().filter(s -> s.result.field().equals(field.name())).toList();
      lockedFields.add(field.name());
      if (field.kind() == FieldKind.SINGLE_CHOICE) {
        Slot last = null;
        for (int i = existing.size(); i < 2; i++) {
          last = append(field.name(), new ChoiceValue(labels.get(random.nextInt(labels.size()))));
        }
        expected.add(new Expected(Objects.requireNonNull(last), ""));
        return true;
      }
      int count = 0;
      for (Slot slot : existing) {
        if (slot.value() instanceof MultipleChoiceValue v) {
          count += v.labels().size();
        }
      }
      int needed = field.constraints().maxCount().getAsInt() + 1 - count;
      Slot first =
          existing.stream()
              .filter(s -> s.value() instanceof MultipleChoiceValue)
              .findFirst()
              .orElse(null);
      while (needed > 0) {
        List<String> shuffled = new ArrayList<>(labels);
        Collections.shuffle(shuffled, random);
        List<String> chosen = shuffled.subList(0, Math.min(needed, shuffled.size()));
        Slot slot = append(field.name(), new MultipleChoiceValue(chosen));
        if (first == null) {
          first = slot;
        }
        needed -= chosen.size();
      }
      expected.add(new Expected(Objects.requireNonNull(first), "/value/labels"));
      return true;
    }

    // ------------------------------------------------------------ labels and attributes

    private boolean unknownLabel() {
      List<Slot> found = new ArrayList<>();
      for (FieldKind kind : FieldKind.values()) {
        if (kind.usesLabels() || kind == FieldKind.RELATION) {
          for (Slot slot : candidates(kind)) {
            if (!(slot.value() instanceof MultipleChoiceValue v) || !v.labels().isEmpty()) {
              found.add(slot);
            }
          }
        }
      }
      Slot slot = pick(found);
      if (slot == null) {
        return false;
      }
      Field field = field(slot).orElseThrow();
      String label;
      do {
        label = "unknown label " + random.nextInt(1_000_000);
      } while (field.labels().contains(label));
      if (slot.value() instanceof MultipleChoiceValue v) {
        int k = random.nextInt(v.labels().size());
        List<String> labels = new ArrayList<>(v.labels());
        labels.set(k, label);
        slot.set(new MultipleChoiceValue(labels));
        touch(slot, "/value/labels/" + k);
      } else {
        slot.set(withLabel(slot.value(), label));
        touch(slot, "/value/label");
      }
      return true;
    }

    /** Region results whose label is one of their field's. */
    private List<Slot> labeledRegions() {
      List<Slot> found = new ArrayList<>();
      for (FieldKind kind : FieldKind.values()) {
        if (kind.isRegion()) {
          for (Slot slot : candidates(kind)) {
            if (field(slot).orElseThrow().labels().contains(labelOf(slot.value()))) {
              found.add(slot);
            }
          }
        }
      }
      return found;
    }

    private List<AttributeSpec> specs(Slot slot) {
      return field(slot)
          .orElseThrow()
          .labels()
          .find(labelOf(slot.value()))
          .map(Label::attributes)
          .orElse(List.of());
    }

    private boolean unknownAttribute() {
      Slot slot = pick(labeledRegions());
      if (slot == null) {
        return false;
      }
      Set<String> declared = new HashSet<>();
      for (AttributeSpec spec : specs(slot)) {
        declared.add(spec.name());
      }
      String name;
      do {
        name =
            switch (random.nextInt(3)) {
              case 0 -> "unknown/attribute~" + random.nextInt(1000);
              case 1 -> "zz unknown " + random.nextInt(1000);
              default -> "occluded?" + random.nextInt(1000);
            };
      } while (declared.contains(name));
      Map<String, AttributeValue> attributes = new TreeMap<>(attributesOf(slot.value()));
      attributes.put(name, AttributeValue.of(random.nextBoolean()));
      slot.set(withAttributes(slot.value(), attributes));
      touch(slot, "/value/attributes/" + token(name));
      return true;
    }

    private boolean missingRequiredAttribute() {
      List<Slot> found = new ArrayList<>();
      for (Slot slot : labeledRegions()) {
        for (AttributeSpec spec : specs(slot)) {
          if (spec.required() && attributesOf(slot.value()).containsKey(spec.name())) {
            found.add(slot);
            break;
          }
        }
      }
      Slot slot = pick(found);
      if (slot == null) {
        return false;
      }
      List<AttributeSpec> required = specs(slot).stream().filter(AttributeSpec::required).toList();
      Map<String, AttributeValue> attributes = new TreeMap<>(attributesOf(slot.value()));
      attributes.remove(required.get(random.nextInt(required.size())).name());
      slot.set(withAttributes(slot.value(), attributes));
      touch(slot, "/value/attributes");
      return true;
    }

    private boolean attributeValue(AttributeType type) {
      List<Slot> found = new ArrayList<>();
      for (Slot slot : labeledRegions()) {
        if (breakable(slot, type) != null) {
          found.add(slot);
        }
      }
      Slot slot = pick(found);
      if (slot == null) {
        return false;
      }
      AttributeSpec spec = Objects.requireNonNull(breakable(slot, type));
      AttributeValue bad =
          type == AttributeType.ENUM
              ? AttributeValue.of(notAnOption(spec))
              : AttributeValue.of(spec.max().orElseThrow() + 1 + random.nextInt(100));
      Map<String, AttributeValue> attributes = new TreeMap<>(attributesOf(slot.value()));
      attributes.put(spec.name(), bad);
      slot.set(withAttributes(slot.value(), attributes));
      touch(slot, "/value/attributes/" + token(spec.name()));
      return true;
    }

    /** A present attribute of the slot of the type that can be given a bad value, if any. */
    private @Nullable AttributeSpec breakable(Slot slot, AttributeType type) {
      Map<String, AttributeValue> values = attributesOf(slot.value());
      for (AttributeSpec spec : specs(slot)) {
        if (spec.type() == type
            && values.containsKey(spec.name())
            && (type == AttributeType.ENUM || spec.max().isPresent())) {
          return spec;
        }
      }
      return null;
    }

    private String notAnOption(AttributeSpec spec) {
      String text;
      do {
        text = "not an option " + random.nextInt(1000);
      } while (spec.options().contains(text));
      return text;
    }

    // ------------------------------------------------------------ geometry

    private int frameWidth() {
      return switch (item) {
        case ImageItem image -> image.width();
        case VideoItem video -> video.width();
        default -> throw new IllegalStateException("no frame in " + item.kind().jsonName());
      };
    }

    private int frameHeight() {
      return switch (item) {
        case ImageItem image -> image.height();
        case VideoItem video -> video.height();
        default -> throw new IllegalStateException("no frame in " + item.kind().jsonName());
      };
    }

    private boolean boxPastRightEdge() {
      Slot slot = pick(candidates(FieldKind.BOX));
      if (slot == null) {
        return false;
      }
      BoxValue value = (BoxValue) slot.value();
      Box box = value.box();
      int width = frameWidth();
      if (box.isRotated() && field(slot).orElseThrow().rotatable()) {
        // Every corner moves past the right edge: one violation, at the rotation.
        Box moved =
            new Box(box.x() + 2.0 * width, box.y(), box.width(), box.height(), box.rotation());
        slot.set(new BoxValue(value.label(), moved, value.attributes()));
        touch(slot, "/value/rotation");
      } else {
        double x = width + 1.0 + random.nextInt(50) - box.width();
        if (x < 0) {
          return false;
        }
        Box moved = new Box(x, box.y(), box.width(), box.height(), box.rotation());
        slot.set(new BoxValue(value.label(), moved, value.attributes()));
        touch(slot, "/value/width");
      }
      return true;
    }

    private boolean rotatedInFixedField() {
      List<Slot> found = new ArrayList<>();
      for (Slot slot : candidates(FieldKind.BOX)) {
        if (!field(slot).orElseThrow().rotatable()) {
          found.add(slot);
        }
      }
      Slot slot = pick(found);
      if (slot == null) {
        return false;
      }
      BoxValue value = (BoxValue) slot.value();
      Box box = value.box();
      double rotation = 1 + random.nextInt(358);
      slot.set(
          new BoxValue(
              value.label(),
              new Box(box.x(), box.y(), box.width(), box.height(), rotation),
              value.attributes()));
      touch(slot, "/value/rotation");
      return true;
    }

    private boolean pointOutsideImage() {
      List<Slot> found = new ArrayList<>(candidates(FieldKind.POLYGON));
      found.addAll(candidates(FieldKind.POLYLINE));
      Slot slot = pick(found);
      if (slot == null) {
        return false;
      }
      List<Point> points =
          new ArrayList<>(
              slot.value() instanceof PolygonValue v
                  ? v.polygon().exterior()
                  : ((PolylineValue) slot.value()).polyline().points());
      int k = random.nextInt(points.size());
      Point outside =
          random.nextBoolean()
              ? new Point(frameWidth() + 10.0 + random.nextInt(100), points.get(k).y())
              : new Point(points.get(k).x(), -10.0 - random.nextInt(100));
      if (slot.value() instanceof PolygonValue v) {
        // Only this violation: the polygon must stay valid. The generator's polygons are
        // star-shaped about their centre, so pushing a vertex outward along its ray keeps them
        // simple and their holes inside; the plain moves above may not.
        List<Point> original = List.copyOf(points);
        points.set(k, outside);
        Polygon moved = new Polygon(points, v.polygon().holes());
        if (!moved.isValid()) {
          Box bounds = v.polygon().bounds();
          double cx = bounds.centerX();
          double cy = bounds.centerY();
          Point p = original.get(k);
          double dx = p.x() - cx;
          double dy = p.y() - cy;
          double t = Double.POSITIVE_INFINITY;
          if (dx > 0) {
            t = Math.min(t, (frameWidth() + 10.0 - cx) / dx);
          } else if (dx < 0) {
            t = Math.min(t, (-10.0 - cx) / dx);
          }
          if (dy > 0) {
            t = Math.min(t, (frameHeight() + 10.0 - cy) / dy);
          } else if (dy < 0) {
            t = Math.min(t, (-10.0 - cy) / dy);
          }
          if (!Double.isFinite(t)) {
            return false;
          }
          points.set(k, new Point(cx + t * dx, cy + t * dy));
          moved = new Polygon(points, v.polygon().holes());
          if (!moved.isValid()) {
            return false;
          }
        }
        slot.set(new PolygonValue(v.label(), moved, v.attributes()));
      } else {
        points.set(k, outside);
        PolylineValue v = (PolylineValue) slot.value();
        slot.set(new PolylineValue(v.label(), new Polyline(points), v.attributes()));
      }
      touch(slot, "/value/points/" + k);
      return true;
    }

    private boolean keypointNotInSkeleton() {
      Slot slot = pick(candidates(FieldKind.KEYPOINTS));
      if (slot == null) {
        return false;
      }
      KeypointsValue value = (KeypointsValue) slot.value();
      List<String> skeleton = field(slot).orElseThrow().skeleton().orElseThrow().points();
      Set<String> names = new HashSet<>(skeleton);
      value.points().forEach(p -> names.add(p.name()));
      String name;
      do {
        name = "unknown joint " + random.nextInt(1000);
      } while (names.contains(name));
      List<Keypoint> points = new ArrayList<>(value.points());
      int k = random.nextInt(points.size());
      Keypoint old = points.get(k);
      points.set(k, new Keypoint(name, old.x(), old.y(), old.visibility()));
      slot.set(new KeypointsValue(value.label(), points, value.attributes()));
      touch(slot, "/value/points/" + k + "/name");
      return true;
    }

    private boolean maskWrongSize() {
      Slot slot = pick(candidates(FieldKind.MASK));
      if (slot == null) {
        return false;
      }
      MaskValue value = (MaskValue) slot.value();
      RleMask mask = RleMask.empty(frameHeight() + 1 + random.nextInt(3), frameWidth());
      slot.set(new MaskValue(value.label(), mask, value.attributes()));
      touch(slot, "/value/height");
      return true;
    }

    // ------------------------------------------------------------ text and time

    /**
     * The results of a span or segment field that may be extended past the end: any of them when
     * the field allows overlap, else only a non-empty one that ends last (no other interval of the
     * field reaches past its start, so extending it overlaps nothing).
     */
    private List<Slot> extendable(FieldKind kind) {
      List<Slot> found = new ArrayList<>();
      for (Slot slot : candidates(kind)) {
        Field field = field(slot).orElseThrow();
        if (field.constraints().allowOverlap()) {
          found.add(slot);
          continue;
        }
        double[] own = interval(slot.value());
        if (own[1] <= own[0]) {
          continue;
        }
        boolean last = true;
        for (Slot other : slots) {
          if (other != slot
              && other.result.field().equals(field.name())
              && (other.value() instanceof SpanValue || other.value() instanceof TimeSegmentValue)
              && interval(other.value())[1] > own[0]
              && interval(other.value())[1] > interval(other.value())[0]) {
            last = false;
            break;
          }
        }
        if (last) {
          found.add(slot);
        }
      }
      return found;
    }

    private double[] interval(Value value) {
      return switch (value) {
        case SpanValue v -> new double[] {v.start(), v.end()};
        case TimeSegmentValue v -> new double[] {v.start(), v.end()};
        default -> throw new IllegalStateException("not an interval: " + value);
      };
    }

    private boolean spanPastEnd() {
      if (!(item instanceof TextItem text)) {
        return false;
      }
      Slot slot = pick(extendable(FieldKind.SPAN));
      if (slot == null) {
        return false;
      }
      SpanValue value = (SpanValue) slot.value();
      int end = text.length() + 1 + random.nextInt(5);
      slot.set(
          new SpanValue(value.label(), value.start(), end, Optional.empty(), value.attributes()));
      touch(slot, "/value/end");
      return true;
    }

    private boolean spanTextMismatch() {
      if (!(item instanceof TextItem text)) {
        return false;
      }
      Slot slot = pick(candidates(FieldKind.SPAN));
      if (slot == null) {
        return false;
      }
      SpanValue value = (SpanValue) slot.value();
      String covered = TextOffsets.of(text.text()).substring(value.start(), value.end());
      String wrong = random.nextBoolean() ? covered + "\u2603" : "\u2603" + covered;
      slot.set(
          new SpanValue(
              value.label(), value.start(), value.end(), Optional.of(wrong), value.attributes()));
      touch(slot, "/value/text");
      return true;
    }

    private boolean segmentPastEnd() {
      double duration =
          switch (item) {
            case AudioItem audio -> audio.durationSeconds();
            case VideoItem video -> video.durationSeconds();
            default -> -1;
          };
      if (duration < 0) {
        return false;
      }
      Slot slot = pick(extendable(FieldKind.TIME_SEGMENT));
      if (slot == null) {
        return false;
      }
      TimeSegmentValue value = (TimeSegmentValue) slot.value();
      double end = duration + 0.5 + random.nextInt(10);
      slot.set(new TimeSegmentValue(value.label(), value.start(), end, value.attributes()));
      touch(slot, "/value/end");
      return true;
    }

    // ------------------------------------------------------------ references and comparisons

    private boolean relationToUnknownId() {
      Slot slot = pick(candidates(FieldKind.RELATION));
      if (slot == null) {
        return false;
      }
      RelationValue value = (RelationValue) slot.value();
      slot.set(new RelationValue(value.label(), value.from(), fresh("missing")));
      touch(slot, "/value/to");
      return true;
    }

    private boolean transcriptionOfUnknownId() {
      Slot slot = pick(candidates(FieldKind.TRANSCRIPTION));
      if (slot == null) {
        return false;
      }
      TranscriptionValue value = (TranscriptionValue) slot.value();
      slot.set(new TranscriptionValue(value.text(), Optional.of(fresh("missing"))));
      touch(slot, "/value/target");
      return true;
    }

    private boolean ratingOffScale() {
      Slot slot = pick(candidates(FieldKind.RATING));
      if (slot == null) {
        return false;
      }
      RatingScale scale = field(slot).orElseThrow().scale().orElseThrow();
      double off =
          random.nextBoolean()
              ? scale.max() + (scale.isContinuous() ? 1 : scale.step())
              : scale.min() - 1 - random.nextInt(5);
      slot.set(new RatingValue(off));
      touch(slot, "/value/value");
      return true;
    }

    private boolean preferenceUnknownResponse() {
      if (!(item instanceof ComparisonItem)) {
        return false;
      }
      Slot slot = pick(candidates(FieldKind.PAIRWISE_PREFERENCE));
      if (slot == null) {
        return false;
      }
      PreferenceValue value = (PreferenceValue) slot.value();
      slot.set(new PreferenceValue(fresh("no response"), value.second(), value.verdict()));
      touch(slot, "/value/first");
      return true;
    }

    private boolean tieNotAllowed() {
      List<Slot> found = new ArrayList<>();
      for (Slot slot : candidates(FieldKind.PAIRWISE_PREFERENCE)) {
        if (!field(slot).orElseThrow().allowTies()) {
          found.add(slot);
        }
      }
      Slot slot = pick(found);
      if (slot == null) {
        return false;
      }
      PreferenceValue value = (PreferenceValue) slot.value();
      slot.set(new PreferenceValue(value.first(), value.second(), PreferenceValue.Verdict.TIE));
      touch(slot, "/value/verdict");
      return true;
    }

    private boolean rankingUnknownResponse() {
      if (!(item instanceof ComparisonItem)) {
        return false;
      }
      Slot slot = pick(candidates(FieldKind.RANKING));
      if (slot == null) {
        return false;
      }
      RankingValue value = (RankingValue) slot.value();
      List<String> order = new ArrayList<>(value.order());
      int k = random.nextInt(order.size() + 1);
      order.add(k, fresh("no response"));
      slot.set(new RankingValue(order));
      touch(slot, "/value/order/" + k);
      return true;
    }
  }

  // -------------------------------------------------------------- value surgery

  private static String labelOf(Value value) {
    return switch (value) {
      case BoxValue v -> v.label();
      case PolygonValue v -> v.label();
      case PolylineValue v -> v.label();
      case KeypointsValue v -> v.label();
      case MaskValue v -> v.label();
      case SpanValue v -> v.label();
      case TimeSegmentValue v -> v.label();
      case ChoiceValue v -> v.label();
      default -> throw new IllegalArgumentException("no single label in " + value);
    };
  }

  private static Map<String, AttributeValue> attributesOf(Value value) {
    return switch (value) {
      case BoxValue v -> v.attributes();
      case PolygonValue v -> v.attributes();
      case PolylineValue v -> v.attributes();
      case KeypointsValue v -> v.attributes();
      case MaskValue v -> v.attributes();
      case SpanValue v -> v.attributes();
      case TimeSegmentValue v -> v.attributes();
      default -> Map.of();
    };
  }

  private static Value withLabel(Value value, String label) {
    return switch (value) {
      case ChoiceValue v -> new ChoiceValue(label);
      case BoxValue v -> new BoxValue(label, v.box(), v.attributes());
      case PolygonValue v -> new PolygonValue(label, v.polygon(), v.attributes());
      case PolylineValue v -> new PolylineValue(label, v.polyline(), v.attributes());
      case KeypointsValue v -> new KeypointsValue(label, v.points(), v.attributes());
      case MaskValue v -> new MaskValue(label, v.mask(), v.attributes());
      case SpanValue v -> new SpanValue(label, v.start(), v.end(), v.text(), v.attributes());
      case TimeSegmentValue v -> new TimeSegmentValue(label, v.start(), v.end(), v.attributes());
      case RelationValue v -> new RelationValue(Optional.of(label), v.from(), v.to());
      default -> throw new IllegalArgumentException("no label in " + value);
    };
  }

  private static Value withAttributes(Value value, Map<String, AttributeValue> attributes) {
    return switch (value) {
      case BoxValue v -> new BoxValue(v.label(), v.box(), attributes);
      case PolygonValue v -> new PolygonValue(v.label(), v.polygon(), attributes);
      case PolylineValue v -> new PolylineValue(v.label(), v.polyline(), attributes);
      case KeypointsValue v -> new KeypointsValue(v.label(), v.points(), attributes);
      case MaskValue v -> new MaskValue(v.label(), v.mask(), attributes);
      case SpanValue v -> new SpanValue(v.label(), v.start(), v.end(), v.text(), attributes);
      case TimeSegmentValue v -> new TimeSegmentValue(v.label(), v.start(), v.end(), attributes);
      default -> throw new IllegalArgumentException("no attributes in " + value);
    };
  }
}
