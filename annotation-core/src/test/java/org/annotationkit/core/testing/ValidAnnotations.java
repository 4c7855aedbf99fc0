package org.annotationkit.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Constraints;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;

/** Builds one valid annotation of one item for {@link DomainGenerator#validAnnotation}. */
final class ValidAnnotations {
  /** How many results a field without a maximum gets beyond its minimum, at most. */
  private static final int EXTRA = 3;

  private final DomainGenerator generator;
  private final RandomGenerator random;
  private final Schema schema;
  private final Item item;
  private final ItemKind itemKind;
  private final List<Result> results = new ArrayList<>();

  ValidAnnotations(DomainGenerator generator, Schema schema, Item item) {
    this.generator = generator;
    this.random = generator.random();
    this.schema = Objects.requireNonNull(schema, "schema");
    this.item = Objects.requireNonNull(item, "item");
    this.itemKind = item.kind();
  }

  Annotation annotation() {
    Map<Field, Integer> counts = new LinkedHashMap<>();
    int regions = 0;
    boolean relationsNeeded = false;
    for (Field field : schema.fields()) {
      if (!itemKind.accepts(field.kind())) {
        if (least(field) > 0) {
          throw new IllegalArgumentException(
              "field "
                  + field.name()
                  + " ("
                  + field.kind().jsonName()
                  + ") needs a result but does not apply to "
                  + itemKind.jsonName()
                  + " items");
        }
        continue;
      }
      int count = count(field);
      counts.put(field, count);
      if (field.kind().isRegion()) {
        regions += count;
      }
      relationsNeeded |= field.kind() == FieldKind.RELATION && least(field) > 0;
    }
    // A relation joins two different regions: make room for them when one is required.
    for (Map.Entry<Field, Integer> entry : counts.entrySet()) {
      if (!relationsNeeded || regions >= 2) {
        break;
      }
      Field field = entry.getKey();
      if (field.kind().isRegion()) {
        int room = most(field) - entry.getValue();
        int added = Math.min(room, 2 - regions);
        entry.setValue(entry.getValue() + added);
        regions += added;
      }
    }
    if (relationsNeeded && regions < 2) {
      throw new IllegalArgumentException(
          "schema " + schema.name() + " needs a relation but cannot hold two region results");
    }
    for (Map.Entry<Field, Integer> entry : counts.entrySet()) {
      FieldKind kind = entry.getKey().kind();
      if (kind != FieldKind.RELATION && kind != FieldKind.TRANSCRIPTION) {
        add(entry.getKey(), entry.getValue());
      }
    }
    List<String> regionIds = new ArrayList<>();
    for (Result result : results) {
      if (result.value().kind().isRegion()) {
        regionIds.add(result.id());
      }
    }
    for (Map.Entry<Field, Integer> entry : counts.entrySet()) {
      Field field = entry.getKey();
      if (field.kind() == FieldKind.RELATION) {
        int count = regionIds.size() >= 2 ? entry.getValue() : 0;
        for (int i = 0; i < count; i++) {
          result(field, relation(field, regionIds));
        }
      } else if (field.kind() == FieldKind.TRANSCRIPTION) {
        for (int i = 0; i < entry.getValue(); i++) {
          Optional<String> target =
              !regionIds.isEmpty() && random.nextBoolean()
                  ? Optional.of(regionIds.get(random.nextInt(regionIds.size())))
                  : Optional.empty();
          result(field, new TranscriptionValue(generator.text(0, 60), target));
        }
      }
    }
    Collections.shuffle(results, random);
    return generator.complete(generator.builderFor(item).results(results));
  }

  /** The least number of results (labels for a multiple choice) that the field needs. */
  private static int least(Field field) {
    Constraints constraints = field.constraints();
    return Math.max(constraints.minCount(), constraints.required() ? 1 : 0);
  }

  /** The greatest number of results (labels for a multiple choice) this builder gives. */
  private int most(Field field) {
    OptionalInt max = field.constraints().maxCount();
    int most = max.isPresent() ? max.getAsInt() : least(field) + EXTRA;
    return switch (field.kind()) {
      case SINGLE_CHOICE -> Math.min(most, 1);
      case MULTIPLE_CHOICE -> Math.min(most, field.labels().size());
      default -> most;
    };
  }

  private int count(Field field) {
    int least = least(field);
    int most = most(field);
    if (least > most) {
      throw new IllegalArgumentException(
          "field "
              + field.name()
              + " ("
              + field.kind().jsonName()
              + ") needs "
              + least
              + " results but can hold only "
              + most);
    }
    return random.nextInt(least, most + 1);
  }

  private void result(Field field, Value value) {
    results.add(new Result(generator.id("r"), field.name(), value, generator.anyScore()));
  }

  private void add(Field field, int count) {
    switch (field.kind()) {
      case MULTIPLE_CHOICE -> {
        if (count > 0 || random.nextBoolean()) {
          List<String> labels = new ArrayList<>(names(field.labels().all()));
          Collections.shuffle(labels, random);
          result(field, new MultipleChoiceValue(labels.subList(0, count)));
        }
      }
      case SPAN -> spans(field, count);
      case TIME_SEGMENT -> segments(field, count);
      default -> {
        for (int i = 0; i < count; i++) {
          result(field, value(field));
        }
      }
    }
  }

  private static List<String> names(List<Label> labels) {
    return labels.stream().map(Label::name).toList();
  }

  private String label(Field field) {
    List<Label> all = field.labels().all();
    return all.get(random.nextInt(all.size())).name();
  }

  private Map<String, AttributeValue> attributes(Field field, String label) {
    List<AttributeSpec> specs = field.labels().find(label).map(Label::attributes).orElse(List.of());
    Map<String, AttributeValue> values = new TreeMap<>();
    for (AttributeSpec spec : specs) {
      if (spec.required() || random.nextBoolean()) {
        values.put(spec.name(), attribute(spec));
      }
    }
    return values;
  }

  private AttributeValue attribute(AttributeSpec spec) {
    return switch (spec.type()) {
      case BOOLEAN -> AttributeValue.of(random.nextBoolean());
      case TEXT -> AttributeValue.of(generator.text(0, 20));
      case ENUM -> AttributeValue.of(spec.options().get(random.nextInt(spec.options().size())));
      case NUMBER -> {
        double min = spec.min().orElse(-1e6);
        double max = spec.max().orElse(1e6);
        yield AttributeValue.of(
            switch (random.nextInt(4)) {
              case 0 -> min;
              case 1 -> max;
              default -> Math.min(max, Math.max(min, min + random.nextDouble() * (max - min)));
            });
      }
    };
  }

  private int frameWidth() {
    return switch (item) {
      case ImageItem image -> image.width();
      case VideoItem video -> video.width();
      default ->
          throw new IllegalStateException("no frame in " + item.kind().jsonName() + " items");
    };
  }

  private int frameHeight() {
    return switch (item) {
      case ImageItem image -> image.height();
      case VideoItem video -> video.height();
      default ->
          throw new IllegalStateException("no frame in " + item.kind().jsonName() + " items");
    };
  }

  private Value value(Field field) {
    return switch (field.kind()) {
      case SINGLE_CHOICE -> new ChoiceValue(label(field));
      case BOX -> {
        String label = label(field);
        boolean rotated = field.rotatable() && random.nextBoolean();
        yield new BoxValue(
            label,
            rotated
                ? generator.rotatedBoxInside(frameWidth(), frameHeight())
                : generator.boxInside(frameWidth(), frameHeight()),
            attributes(field, label));
      }
      case POLYGON -> {
        String label = label(field);
        yield new PolygonValue(
            label, generator.polygonInside(frameWidth(), frameHeight()), attributes(field, label));
      }
      case POLYLINE -> {
        String label = label(field);
        yield new PolylineValue(
            label, generator.polylineInside(frameWidth(), frameHeight()), attributes(field, label));
      }
      case KEYPOINTS -> {
        String label = label(field);
        yield new KeypointsValue(label, keypoints(field), attributes(field, label));
      }
      case MASK -> {
        String label = label(field);
        yield new MaskValue(
            label, generator.mask(frameHeight(), frameWidth(), 16), attributes(field, label));
      }
      case RATING -> new RatingValue(rating(field.scale().orElseThrow()));
      case PAIRWISE_PREFERENCE -> preference(field);
      case RANKING -> {
        List<String> order = new ArrayList<>(responseIds());
        Collections.shuffle(order, random);
        yield new RankingValue(order);
      }
      case FREE_TEXT -> new FreeTextValue(generator.text(0, 120));
      case MULTIPLE_CHOICE, SPAN, TIME_SEGMENT, RELATION, TRANSCRIPTION ->
          throw new IllegalStateException(field.kind() + " values are made elsewhere");
    };
  }

  private List<Keypoint> keypoints(Field field) {
    Skeleton skeleton = field.skeleton().orElseThrow();
    List<String> names = new ArrayList<>(skeleton.points());
    Collections.shuffle(names, random);
    int n = random.nextInt(1, names.size() + 1);
    List<Keypoint> points = new ArrayList<>(n);
    for (String name : names.subList(0, n)) {
      Keypoint.Visibility visibility = generator.anyVisibility();
      if (visibility == Keypoint.Visibility.NOT_LABELED && random.nextBoolean()) {
        points.add(new Keypoint(name, 0, 0, visibility));
      } else {
        points.add(
            new Keypoint(
                name,
                generator.coordinateIn(0, frameWidth()),
                generator.coordinateIn(0, frameHeight()),
                visibility));
      }
    }
    return points;
  }

  private double rating(RatingScale scale) {
    if (scale.isContinuous()) {
      return switch (random.nextInt(4)) {
        case 0 -> scale.min();
        case 1 -> scale.max();
        default ->
            Math.min(scale.max(), scale.min() + random.nextDouble() * (scale.max() - scale.min()));
      };
    }
    return scale.min() + random.nextInt(scale.points()) * scale.step();
  }

  private List<String> responseIds() {
    return ((ComparisonItem) item).responses().stream().map(Response::id).toList();
  }

  private PreferenceValue preference(Field field) {
    List<String> ids = new ArrayList<>(responseIds());
    Collections.shuffle(ids, random);
    PreferenceValue.Verdict verdict =
        field.allowTies() && random.nextInt(3) == 0
            ? PreferenceValue.Verdict.TIE
            : random.nextBoolean() ? PreferenceValue.Verdict.FIRST : PreferenceValue.Verdict.SECOND;
    return new PreferenceValue(ids.get(0), ids.get(1), verdict);
  }

  private RelationValue relation(Field field, List<String> regionIds) {
    int from = random.nextInt(regionIds.size());
    int to = random.nextInt(regionIds.size() - 1);
    if (to >= from) {
      to++;
    }
    Optional<String> label =
        !field.labels().isEmpty() && random.nextInt(4) > 0
            ? Optional.of(label(field))
            : Optional.empty();
    return new RelationValue(label, regionIds.get(from), regionIds.get(to));
  }

  /**
   * Spans from sorted cut points of the text: consecutive pairs never overlap (they may touch, and
   * some are empty), whether or not the field allows overlap; when it does, some spans are drawn
   * anywhere.
   */
  private void spans(Field field, int count) {
    TextItem text = (TextItem) item;
    TextOffsets offsets = TextOffsets.of(text.text());
    int length = offsets.length();
    int[] cuts = new int[2 * count];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = random.nextInt(length + 1);
    }
    Arrays.sort(cuts);
    for (int i = 0; i < count; i++) {
      int start = cuts[2 * i];
      int end = cuts[2 * i + 1];
      if (field.constraints().allowOverlap() && random.nextBoolean()) {
        start = random.nextInt(length + 1);
        end = random.nextInt(start, length + 1);
      }
      String label = label(field);
      Optional<String> covered =
          random.nextBoolean() ? Optional.of(offsets.substring(start, end)) : Optional.empty();
      result(field, new SpanValue(label, start, end, covered, attributes(field, label)));
    }
  }

  /** Time segments from sorted cut points of the duration, as for spans. */
  private void segments(Field field, int count) {
    double duration =
        switch (item) {
          case AudioItem audio -> audio.durationSeconds();
          case VideoItem video -> video.durationSeconds();
          default -> throw new IllegalStateException("no duration in " + item.kind().jsonName());
        };
    double[] cuts = new double[2 * count];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = generator.coordinateIn(0, duration);
    }
    Arrays.sort(cuts);
    for (int i = 0; i < count; i++) {
      double start = cuts[2 * i];
      double end = cuts[2 * i + 1];
      if (field.constraints().allowOverlap() && random.nextBoolean()) {
        start = generator.coordinateIn(0, duration);
        end = generator.coordinateIn(start, duration);
      }
      String label = label(field);
      result(field, new TimeSegmentValue(label, start, end, attributes(field, label)));
    }
  }
}
