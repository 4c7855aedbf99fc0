package org.annotationkit.core.testing;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
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
import org.annotationkit.core.geometry.Shape;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Constraints;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;

/**
 * Random values of the core domain, drawn from a caller's {@link RandomGenerator}: label sets,
 * fields, schemas, items, geometry, annotation values and whole annotations, either arbitrary (for
 * codec round trips: every kind, every optional part present or absent, awkward strings and
 * numbers) or {@linkplain #validAnnotation(Schema, Item) valid} for a schema and an item.
 *
 * <p>The same generator state gives the same values on every machine, so a test that creates its
 * generator from {@link Seeds#random(long)} reproduces from its seed. An instance is not
 * thread-safe (it advances its generator); give each thread its own.
 *
 * <p>Schemas from {@link #schemaFor(ItemKind)} and items from {@link #item(ItemKind)} are made to
 * fit together: every constraint of such a schema can be met on such an item, which is what {@link
 * #validAnnotation(Schema, Item)} does.
 *
 * @since 0.1.0
 */
public final class DomainGenerator {

  /** Label names that look like real taxonomies. */
  private static final List<String> WORDS =
      List.of(
          "car",
          "person",
          "dog",
          "cat",
          "bicycle",
          "traffic light",
          "tree",
          "stop sign",
          "PER",
          "ORG",
          "LOC",
          "MISC",
          "positive",
          "negative",
          "neutral",
          "speech",
          "music",
          "noise",
          "tumor",
          "lesion",
          "vehicle",
          "animal",
          "sedan",
          "truck",
          "toxic",
          "helpful");

  /** Names with characters that stress escaping and code point handling. */
  private static final List<String> EXOTIC_NAMES =
      List.of(
          "naïve café",
          "日本語",
          "🚗 car",
          "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
          "ελληνικά",
          "עברית",
          "quote\"d",
          "back\\slash",
          "slash/name",
          "tilde~name",
          "emoji 👩‍👩‍👧",
          "Ünïcödé",
          "a.b[0]");

  /** Code points that JSON writers must escape. */
  private static final int[] JSON_SPECIAL = {
    '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 0x0000, 0x001F, 0x007F, 0x2028, 0x2029, 0xFEFF
  };

  /** Supplementary code points (emoji, mathematical letters, CJK extension B, flags). */
  private static final int[] SUPPLEMENTARY = {
    0x1F600, 0x1F697, 0x1F44D, 0x1F1EB, 0x1F1F7, 0x1D518, 0x1D4B3, 0x20000, 0x2A6D6, 0x10348,
    0x1F9D1, 0x1F3FD
  };

  private static final List<String> SKELETON_POINTS =
      List.of(
          "nose",
          "left_eye",
          "right_eye",
          "left_ear",
          "right_ear",
          "left_shoulder",
          "right_shoulder",
          "left_elbow",
          "right_elbow",
          "left_wrist",
          "right_wrist",
          "left_hip",
          "right_hip");

  private static final List<String> MODELS =
      List.of("gpt-4o", "claude-3.5", "llama-3-70b", "mistral-large", "yolov8n", "sam-vit-h");

  private final RandomGenerator random;
  private int serial;

  /**
   * A generator drawing from {@code random}.
   *
   * @param random the source of randomness, typically {@link Seeds#random(long)}
   */
  public DomainGenerator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The generator this one draws from, for tests that need more random numbers of the same
   * sequence.
   *
   * @return the random generator
   */
  public RandomGenerator random() {
    return random;
  }

  // ---------------------------------------------------------------- strings and numbers

  /**
   * A fresh identifier: a prefix, a serial number unique within this generator and, sometimes,
   * characters outside ASCII.
   *
   * @param prefix the identifier's prefix, such as {@code "r"}
   * @return a non-empty identifier, different from every other one this generator returned
   */
  public String id(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    int n = ++serial;
    return switch (random.nextInt(10)) {
      case 0 -> prefix + "-é" + n;
      case 1 -> prefix + ":" + n + "/🙂";
      case 2 -> prefix + "_" + Long.toHexString(random.nextLong()) + "_" + n;
      default -> prefix + n;
    };
  }

  /**
   * A name that fits the rules of label, field and attribute names (non-empty, no control
   * characters, no surrounding whitespace), sometimes with characters outside ASCII, that is not in
   * {@code taken}; it is added to {@code taken}.
   *
   * @param taken the names already used, updated
   * @return a new name
   */
  public String name(Set<String> taken) {
    Objects.requireNonNull(taken, "taken");
    int roll = random.nextInt(10);
    String base =
        roll < 6 ? pick(WORDS) : roll < 8 ? pick(EXOTIC_NAMES) : "n" + random.nextInt(1000);
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + " " + i;
    }
    taken.add(name);
    return name;
  }

  /**
   * A random text of {@code minCodePoints} to {@code maxCodePoints} code points, inclusive: mostly
   * ASCII words, sometimes accented letters, CJK, emoji and other supplementary characters, and
   * characters that JSON must escape (quotes, backslashes, line breaks, control characters,
   * U+2028). Never an unpaired surrogate.
   *
   * @param minCodePoints the least length, {@code >= 0}
   * @param maxCodePoints the greatest length, {@code >= minCodePoints}
   * @return the text
   */
  public String text(int minCodePoints, int maxCodePoints) {
    if (minCodePoints < 0 || maxCodePoints < minCodePoints) {
      throw new IllegalArgumentException(
          "need 0 <= minCodePoints <= maxCodePoints, got "
              + minCodePoints
              + " and "
              + maxCodePoints);
    }
    int length = random.nextInt(minCodePoints, maxCodePoints + 1);
    int style = random.nextInt(4);
    StringBuilder text = new StringBuilder(length + 8);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(codePoint(style));
    }
    return text.toString();
  }

  /** Style 0: plain ASCII prose; 1: with accents and CJK; 2: with emoji; 3: anything. */
  private int codePoint(int style) {
    int roll = random.nextInt(100);
    if (roll < 15) {
      return ' ';
    }
    if (style >= 2 && roll < 25) {
      return SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)];
    }
    if (style >= 1 && roll < 35) {
      return random.nextBoolean() ? random.nextInt(0xC0, 0x17F) : random.nextInt(0x4E00, 0x4F00);
    }
    if (style == 3 && roll < 45) {
      return JSON_SPECIAL[random.nextInt(JSON_SPECIAL.length)];
    }
    if (style == 3 && roll < 48) {
      return random.nextInt(0x0300, 0x036F); // a combining mark
    }
    if (roll < 50) {
      return ".,;:!?'-()0123456789".charAt(random.nextInt(20));
    }
    return 'a' + random.nextInt(26);
  }

  /**
   * A finite double of any kind: small integers, decimals, values of every magnitude with random
   * bits, negative zero, the extremes of the double range.
   *
   * @return a finite double
   */
  public double anyDouble() {
    return switch (random.nextInt(10)) {
      case 0 -> random.nextInt(-100, 101);
      case 1 -> Math.round(random.nextDouble(-1000, 1000) * 100) / 100.0;
      case 2 -> {
        double bits;
        do {
          bits = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(bits));
        yield bits;
      }
      case 3 ->
          switch (random.nextInt(6)) {
            case 0 -> -0.0;
            case 1 -> Double.MIN_VALUE;
            case 2 -> Double.MAX_VALUE;
            case 3 -> -Double.MAX_VALUE;
            case 4 -> Double.MIN_NORMAL;
            default -> 0.1 + 0.2;
          };
      default -> random.nextDouble(-1e4, 1e4);
    };
  }

  private double anyNonNegative() {
    double value = Math.abs(anyDouble());
    return value == 0 ? 0 : value; // no -0.0 where a size must be >= 0
  }

  /** A coordinate in [lo, hi]: sometimes a whole or half pixel, else any double there. */
  private double coordinate(double lo, double hi) {
    if (!(hi > lo)) {
      return lo;
    }
    double value =
        switch (random.nextInt(3)) {
          case 0 -> Math.floor(random.nextDouble(lo, hi));
          case 1 -> Math.floor(random.nextDouble(lo, hi) * 2) / 2;
          default -> random.nextDouble(lo, hi);
        };
    return Math.min(hi, Math.max(lo, value));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  // ---------------------------------------------------------------- schema

  /**
   * A random label set of 1 to 8 labels, sometimes a hierarchy, with colours, descriptions and
   * attributes of all four types drawn at random.
   *
   * @return a non-empty label set
   */
  public LabelSet labelSet() {
    return labelSet(random.nextInt(1, 9), true);
  }

  /**
   * A random label set of exactly {@code size} labels (a forest: each label is a root or the child
   * of an earlier one), with colours in any case, descriptions and, when {@code withAttributes},
   * attributes sometimes.
   *
   * @param size the number of labels, {@code >= 0}
   * @param withAttributes whether labels may declare attributes (only region fields take them)
   * @return the label set
   */
  public LabelSet labelSet(int size, boolean withAttributes) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>(size);
    int[] parents = new int[size];
    boolean hierarchy = chance(0.4);
    for (int i = 0; i < size; i++) {
      names.add(name(taken));
      parents[i] = hierarchy && i > 0 && chance(0.6) ? random.nextInt(i) : -1;
    }
    List<Label> roots = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (parents[i] < 0) {
        roots.add(label(i, names, parents, withAttributes));
      }
    }
    return LabelSet.of(roots);
  }

  private Label label(int index, List<String> names, int[] parents, boolean withAttributes) {
    List<Label> children = new ArrayList<>();
    for (int i = index + 1; i < parents.length; i++) {
      if (parents[i] == index) {
        children.add(label(i, names, parents, withAttributes));
      }
    }
    Optional<String> color = chance(0.6) ? Optional.of(color()) : Optional.empty();
    Optional<String> description = chance(0.3) ? Optional.of(text(0, 40)) : Optional.empty();
    List<AttributeSpec> attributes = withAttributes && chance(0.5) ? attributeSpecs() : List.of();
    return new Label(names.get(index), color, description, attributes, children);
  }

  private String color() {
    String hex = String.format(Locale.ROOT, "#%06x", random.nextInt(0x1000000));
    return chance(0.3) ? hex.toUpperCase(Locale.ROOT) : hex;
  }

  /**
   * One to four attribute specifications with distinct names and random types, some required, enums
   * with one to four options, numbers with and without bounds.
   *
   * @return the attribute specifications
   */
  public List<AttributeSpec> attributeSpecs() {
    Set<String> taken = new HashSet<>();
    int count = random.nextInt(1, 5);
    List<AttributeSpec> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      specs.add(attributeSpec(name(taken), pick(List.of(AttributeType.values()))));
    }
    return specs;
  }

  /**
   * An attribute specification of the given name and type: required one time in three, an enum with
   * one to four options, a number bounded half of the time.
   *
   * @param name the attribute's name
   * @param type its type
   * @return the specification
   */
  public AttributeSpec attributeSpec(String name, AttributeType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    AttributeSpec spec =
        switch (type) {
          case BOOLEAN -> AttributeSpec.bool(name);
          case TEXT -> AttributeSpec.text(name);
          case ENUM -> {
            Set<String> taken = new HashSet<>();
            int count = random.nextInt(1, 5);
            String[] options = new String[count];
            for (int i = 0; i < count; i++) {
              options[i] = name(taken);
            }
            yield AttributeSpec.enumeration(name, options);
          }
          case NUMBER -> {
            if (chance(0.5)) {
              yield AttributeSpec.number(name);
            }
            double min = random.nextInt(-10, 10) / 2.0;
            double max = chance(0.1) ? min : min + random.nextInt(1, 200) / 4.0;
            yield AttributeSpec.number(name, min, max);
          }
        };
    return chance(0.35) ? spec.asRequired() : spec;
  }

  /**
   * A random field of the given kind with a fresh name.
   *
   * @param kind the field's kind
   * @return the field
   * @see #field(String, FieldKind)
   */
  public Field field(FieldKind kind) {
    return field(name(new HashSet<>()), kind);
  }

  /**
   * A random field: labels when the kind uses them (and sometimes relation types), random
   * constraints that a {@linkplain #item(ItemKind) generated item} can meet (required, counts,
   * overlap), a description sometimes, rotation allowed for some boxes, a skeleton for keypoints, a
   * Likert, stepped or continuous scale (with anchors sometimes) for ratings, and ties allowed or
   * not for preferences.
   *
   * @param name the field's name
   * @param kind the field's kind
   * @return the field
   */
  public Field field(String name, FieldKind kind) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Field.Builder builder = Field.builder(name, kind);
    if (kind.usesLabels() || (kind == FieldKind.RELATION && chance(0.5))) {
      builder.labels(labelSet(random.nextInt(1, 9), kind.isRegion()));
    }
    builder.constraints(constraints(kind));
    if (chance(0.3)) {
      builder.description(text(1, 60));
    }
    switch (kind) {
      case BOX -> builder.rotatable(chance(0.5));
      case KEYPOINTS -> builder.skeleton(skeleton());
      case RATING -> builder.scale(ratingScale());
      case PAIRWISE_PREFERENCE -> builder.allowTies(chance(0.6));
      default -> {}
    }
    return builder.build();
  }

  private Constraints constraints(FieldKind kind) {
    if (chance(0.35)) {
      return Constraints.NONE;
    }
    boolean required = chance(0.4);
    boolean single = singleResult(kind);
    int minCount = single ? random.nextInt(2) : random.nextInt(3);
    OptionalInt maxCount = OptionalInt.empty();
    if (chance(0.5)) {
      int least = Math.max(minCount, 1);
      maxCount = OptionalInt.of(single ? least : least + random.nextInt(4));
    }
    boolean overlapMatters = kind == FieldKind.SPAN || kind == FieldKind.TIME_SEGMENT;
    return new Constraints(required, minCount, maxCount, !overlapMatters || chance(0.5));
  }

  /**
   * Kinds of which an annotation holds at most one result per field in {@link
   * #validAnnotation(Schema, Item)}: a single choice, the list of choices, a ranking.
   */
  private static boolean singleResult(FieldKind kind) {
    return kind == FieldKind.SINGLE_CHOICE
        || kind == FieldKind.MULTIPLE_CHOICE
        || kind == FieldKind.RANKING;
  }

  /**
   * A skeleton of one to eight named points (human pose names or exotic ones) joined by a few
   * edges.
   *
   * @return the skeleton
   */
  public Skeleton skeleton() {
    List<String> pool = new ArrayList<>(SKELETON_POINTS);
    if (chance(0.2)) {
      pool.add("点");
      pool.add("🦴 bone");
    }
    Collections.shuffle(pool, random);
    List<String> points = List.copyOf(pool.subList(0, random.nextInt(1, 9)));
    List<Skeleton.Edge> edges = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      if (chance(0.7)) {
        edges.add(new Skeleton.Edge(points.get(random.nextInt(i)), points.get(i)));
      }
    }
    return new Skeleton(points, edges);
  }

  /**
   * A rating scale: Likert (2 to 10 points), a stepped scale (dyadic steps so that every point is
   * exact) or a continuous one, sometimes with one anchor per point.
   *
   * @return the scale
   */
  public RatingScale ratingScale() {
    RatingScale scale =
        switch (random.nextInt(3)) {
          case 0 -> RatingScale.likert(random.nextInt(2, 11));
          case 1 -> {
            double step = pick(List.of(0.25, 0.5, 1.0, 2.0, 5.0));
            double min = random.nextInt(-4, 5) * step;
            yield new RatingScale(min, min + random.nextInt(1, 12) * step, step, List.of());
          }
          default -> {
            double min = random.nextInt(-10, 10);
            yield RatingScale.continuous(min, min + random.nextDouble(0.5, 100));
          }
        };
    if (!scale.isContinuous() && chance(0.3)) {
      Set<String> taken = new HashSet<>();
      String[] anchors = new String[scale.points()];
      for (int i = 0; i < anchors.length; i++) {
        anchors[i] = name(taken);
      }
      scale = scale.withAnchors(anchors);
    }
    return scale;
  }

  /**
   * A schema of one to six fields of any kinds, for codec round trips (not necessarily one that an
   * item can satisfy).
   *
   * @return the schema
   */
  public Schema schema() {
    return schema(List.of(FieldKind.values()));
  }

  /**
   * A schema of one to six fields whose kinds all apply to {@code itemKind}; every constraint can
   * be met on an item from {@link #item(ItemKind)}, so {@link #validAnnotation(Schema, Item)} can
   * satisfy it.
   *
   * @param itemKind the kind of item the schema labels
   * @return the schema
   */
  public Schema schemaFor(ItemKind itemKind) {
    Objects.requireNonNull(itemKind, "itemKind");
    Schema schema = schema(List.copyOf(itemKind.fieldKinds()));
    return canHoldTwoRegions(schema) ? schema : relaxRelations(schema);
  }

  private Schema schema(List<FieldKind> kinds) {
    Set<String> taken = new HashSet<>();
    int count = random.nextInt(1, 7);
    List<Field> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(field(name(taken), pick(kinds)));
    }
    Optional<String> description = chance(0.4) ? Optional.of(text(0, 80)) : Optional.empty();
    return new Schema(name(new HashSet<>()), fields, description);
  }

  private static boolean canHoldTwoRegions(Schema schema) {
    int capacity = 0;
    for (Field field : schema.fields()) {
      if (field.kind().isRegion()) {
        OptionalInt max = field.constraints().maxCount();
        capacity += max.isPresent() ? max.getAsInt() : 2;
      }
    }
    return capacity >= 2;
  }

  /** Makes the relation fields of a schema without room for two regions optional. */
  private static Schema relaxRelations(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (Field field : schema.fields()) {
      if (field.kind() == FieldKind.RELATION) {
        Constraints c = field.constraints();
        fields.add(
            new Field(
                field.name(),
                field.kind(),
                field.labels(),
                new Constraints(false, 0, c.maxCount(), c.allowOverlap()),
                field.description(),
                field.options()));
      } else {
        fields.add(field);
      }
    }
    return new Schema(schema.name(), fields, schema.description());
  }

  // ---------------------------------------------------------------- items

  /**
   * A random item of a random kind.
   *
   * @return the item
   */
  public Item item() {
    return item(pick(List.of(ItemKind.values())));
  }

  /**
   * A random item of the given kind.
   *
   * @param kind the item's kind
   * @return the item
   */
  public Item item(ItemKind kind) {
    Objects.requireNonNull(kind, "kind");
    return switch (kind) {
      case IMAGE -> imageItem();
      case TEXT -> textItem();
      case AUDIO -> audioItem();
      case VIDEO -> videoItem();
      case COMPARISON -> comparisonItem();
    };
  }

  private String slug() {
    return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  private URI uri(String extension) {
    return switch (random.nextInt(5)) {
      case 0 -> URI.create("file:///data/" + slug() + "." + extension);
      case 1 -> URI.create("s3://bucket/" + slug() + "/" + slug() + "." + extension);
      case 2 -> URI.create("data:application/octet-stream;base64,AAEC" + slug());
      case 3 -> URI.create("https://example.org/media/%C3%A9t%C3%A9/" + slug() + "." + extension);
      default -> URI.create("https://example.org/" + slug() + "." + extension + "?v=2&x=" + slug());
    };
  }

  private Map<String, String> metadata() {
    if (chance(0.5)) {
      return Map.of();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    int count = random.nextInt(1, 4);
    for (int i = 0; i < count; i++) {
      metadata.put(name(taken), text(0, 20));
    }
    return metadata;
  }

  /**
   * A random image of 16 to 4096 pixels a side.
   *
   * @return the image item
   */
  public ImageItem imageItem() {
    return new ImageItem(
        id("img"), uri("jpg"), random.nextInt(16, 4097), random.nextInt(16, 4097), metadata());
  }

  /**
   * A random text of 12 to 300 code points (sometimes with emoji and other supplementary
   * characters, sometimes with characters JSON escapes), with or without a URI.
   *
   * @return the text item
   */
  public TextItem textItem() {
    Optional<URI> uri = chance(0.3) ? Optional.of(uri("txt")) : Optional.empty();
    return new TextItem(id("txt"), text(12, 300), uri, metadata());
  }

  /**
   * A random audio recording of 0.5 to 600 seconds.
   *
   * @return the audio item
   */
  public AudioItem audioItem() {
    double duration = chance(0.5) ? random.nextInt(1, 600) : random.nextDouble(0.5, 600);
    return new AudioItem(id("aud"), uri("wav"), duration, metadata());
  }

  /**
   * A random video of 1 to 10,000 frames at a common or random frame rate, 16 to 3840 pixels wide.
   *
   * @return the video item
   */
  public VideoItem videoItem() {
    double fps =
        chance(0.8)
            ? pick(List.of(24.0, 25.0, 30.0, 30000.0 / 1001, 60.0))
            : random.nextDouble(1, 120);
    return new VideoItem(
        id("vid"),
        uri("mp4"),
        random.nextInt(1, 10_001),
        fps,
        random.nextInt(16, 3841),
        random.nextInt(16, 2161),
        metadata());
  }

  /**
   * A random comparison: a prompt and two to five responses, some naming their model.
   *
   * @return the comparison item
   */
  public ComparisonItem comparisonItem() {
    int count = random.nextInt(2, 6);
    List<Response> responses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Optional<String> model = chance(0.6) ? Optional.of(pick(MODELS)) : Optional.empty();
      responses.add(new Response(id("resp"), text(0, 200), model));
    }
    return new ComparisonItem(id("cmp"), text(0, 120), responses, metadata());
  }

  // ---------------------------------------------------------------- geometry

  /**
   * An axis-aligned box inside a {@code width} by {@code height} image (sometimes of zero width or
   * height).
   *
   * @param width the image's width, {@code > 0}
   * @param height the image's height, {@code > 0}
   * @return a box inside the image
   */
  public Box boxInside(int width, int height) {
    double x0 = coordinate(0, width);
    double x1 = coordinate(0, width);
    double y0 = coordinate(0, height);
    double y1 = coordinate(0, height);
    double x = Math.min(x0, x1);
    double y = Math.min(y0, y1);
    return Box.of(x, y, Math.max(x0, x1) - x, Math.max(y0, y1) - y);
  }

  /**
   * A box rotated by any angle whose four corners all lie inside a {@code width} by {@code height}
   * image, with a margin for rounding.
   *
   * @param width the image's width, {@code > 0}
   * @param height the image's height, {@code > 0}
   * @return a rotated box inside the image
   */
  public Box rotatedBoxInside(int width, int height) {
    double maxRadius = Math.min(width, height) / 2.0 * 0.95;
    double radius = random.nextDouble(0.05, 1) * maxRadius;
    double angle = random.nextDouble(0, Math.PI / 2);
    double w = 2 * radius * Math.cos(angle);
    double h = 2 * radius * Math.sin(angle);
    double margin = 1e-6 * Math.max(width, height) + 1e-9;
    double cx = random.nextDouble(radius + margin, width - radius - margin);
    double cy = random.nextDouble(radius + margin, height - radius - margin);
    double rotation =
        chance(0.2)
            ? pick(List.of(90.0, -45.0, 180.0, 359.5, 720.0))
            : random.nextDouble(-180, 360);
    return new Box(cx - w / 2, cy - h / 2, w, h, rotation);
  }

  /**
   * A simple polygon (star-shaped about its centre, so it never crosses itself) inside a {@code
   * width} by {@code height} image, sometimes with a hole inside it.
   *
   * @param width the image's width, {@code > 0}
   * @param height the image's height, {@code > 0}
   * @return a polygon inside the image
   */
  public Polygon polygonInside(int width, int height) {
    double maxRadius = Math.min(width, height) / 2.0;
    double radius = random.nextDouble(0.1, 1) * maxRadius;
    double cx = random.nextDouble(radius, width - radius);
    double cy = random.nextDouble(radius, height - radius);
    return starPolygon(cx, cy, radius, chance(0.25));
  }

  /**
   * A star-shaped polygon about ({@code cx}, {@code cy}) whose vertices lie within {@code radius}
   * of it, with a hole sometimes.
   *
   * @param cx the centre's x
   * @param cy the centre's y
   * @param radius the largest distance of a vertex from the centre, {@code > 0}
   * @param withHole whether to cut a hole near the centre
   * @return the polygon
   */
  public Polygon starPolygon(double cx, double cy, double radius, boolean withHole) {
    int n = random.nextInt(3, 13);
    List<Point> exterior = new ArrayList<>(n);
    double inner = radius * 0.5;
    for (int i = 0; i < n; i++) {
      // Evenly spread angles with jitter keep every gap below 2 pi / n * 1.5 < pi.
      double angle = 2 * Math.PI * (i + random.nextDouble(-0.25, 0.25)) / n;
      double r = random.nextDouble(inner, radius);
      exterior.add(new Point(cx + r * Math.cos(angle), cy + r * Math.sin(angle)));
    }
    if (!withHole || n < 4) {
      return Polygon.of(exterior);
    }
    // Every edge of the exterior stays farther than inner * cos(3 pi / (2 n)) from the centre.
    double holeRadius = inner * Math.cos(1.5 * Math.PI / n) * 0.8;
    List<Point> hole = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      double angle = 2 * Math.PI * i / 3;
      hole.add(new Point(cx + holeRadius * Math.cos(angle), cy + holeRadius * Math.sin(angle)));
    }
    return new Polygon(exterior, List.of(hole));
  }

  /**
   * A polyline of two to ten points inside a {@code width} by {@code height} image.
   *
   * @param width the image's width, {@code > 0}
   * @param height the image's height, {@code > 0}
   * @return the polyline
   */
  public Polyline polylineInside(int width, int height) {
    int n = random.nextInt(2, 11);
    List<Point> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new Point(coordinate(0, width), coordinate(0, height)));
    }
    return new Polyline(points);
  }

  /**
   * A random run-length mask of the given size with up to {@code maxRuns} runs (sometimes empty,
   * sometimes with runs of length zero in the middle).
   *
   * @param height the mask's height, {@code >= 0}
   * @param width the mask's width, {@code >= 0}
   * @param maxRuns the greatest number of runs, {@code >= 1}
   * @return the mask
   */
  public RleMask mask(int height, int width, int maxRuns) {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("maxRuns must be >= 1, got " + maxRuns);
    }
    int pixels = Math.multiplyExact(height, width);
    if (pixels == 0 || chance(0.05)) {
      return RleMask.empty(height, width);
    }
    int runs = random.nextInt(1, maxRuns + 1);
    int[] cuts = new int[runs - 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = random.nextInt(pixels + 1);
    }
    Arrays.sort(cuts);
    int[] counts = new int[runs];
    int previous = 0;
    for (int i = 0; i < cuts.length; i++) {
      counts[i] = cuts[i] - previous;
      previous = cuts[i];
    }
    counts[runs - 1] = pixels - previous;
    return new RleMask(height, width, counts);
  }

  /**
   * A random shape for geometry properties: a box (rotated or not), a polygon (with a hole
   * sometimes) or, when {@code withMasks}, a mask of {@code maskHeight} by {@code maskWidth}; boxes
   * and polygons lie within a 1000-pixel square.
   *
   * @param maskHeight the height of masks
   * @param maskWidth the width of masks
   * @param withMasks whether to return masks too
   * @return the shape
   */
  public Shape shape(int maskHeight, int maskWidth, boolean withMasks) {
    int roll = random.nextInt(withMasks ? 4 : 3);
    return switch (roll) {
      case 0 -> boxInside(1000, 1000);
      case 1 -> rotatedBoxInside(1000, 1000);
      case 2 -> polygonInside(1000, 1000);
      default -> mask(maskHeight, maskWidth, 12);
    };
  }

  // ---------------------------------------------------------------- values

  private Map<String, AttributeValue> anyAttributes() {
    if (chance(0.5)) {
      return Map.of();
    }
    Map<String, AttributeValue> attributes = new TreeMap<>();
    Set<String> taken = new HashSet<>();
    int count = random.nextInt(1, 4);
    for (int i = 0; i < count; i++) {
      AttributeValue value =
          switch (random.nextInt(3)) {
            case 0 -> AttributeValue.of(random.nextBoolean());
            case 1 -> AttributeValue.of(anyDouble());
            default -> AttributeValue.of(text(0, 12));
          };
      attributes.put(name(taken), value);
    }
    return attributes;
  }

  private List<String> labels(int count) {
    Set<String> taken = new HashSet<>();
    List<String> labels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      labels.add(name(taken));
    }
    return labels;
  }

  private Point anyPoint() {
    return new Point(anyDouble(), anyDouble());
  }

  private List<Point> anyPoints(int min, int max) {
    int n = random.nextInt(min, max + 1);
    List<Point> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(anyPoint());
    }
    return points;
  }

  /**
   * A random value of the given kind with no regard for any schema or item: any labels, any finite
   * coordinates, optional parts present or absent, attributes of every type. For codec round trips.
   *
   * @param kind the value's kind
   * @return the value
   */
  public Value anyValue(FieldKind kind) {
    Objects.requireNonNull(kind, "kind");
    String label = labels(1).get(0);
    return switch (kind) {
      case SINGLE_CHOICE -> new ChoiceValue(label);
      case MULTIPLE_CHOICE -> new MultipleChoiceValue(labels(random.nextInt(0, 5)));
      case BOX ->
          new BoxValue(
              label,
              new Box(
                  anyDouble(),
                  anyDouble(),
                  anyNonNegative(),
                  anyNonNegative(),
                  chance(0.5) ? 0 : anyDouble()),
              anyAttributes());
      case POLYGON -> {
        List<List<Point>> holes = new ArrayList<>();
        int holeCount = chance(0.7) ? 0 : random.nextInt(1, 3);
        for (int i = 0; i < holeCount; i++) {
          holes.add(anyPoints(3, 6));
        }
        yield new PolygonValue(label, new Polygon(anyPoints(3, 10), holes), anyAttributes());
      }
      case POLYLINE -> new PolylineValue(label, new Polyline(anyPoints(2, 8)), anyAttributes());
      case KEYPOINTS -> {
        List<String> names = labels(random.nextInt(1, 6));
        List<Keypoint> points = new ArrayList<>(names.size());
        for (String name : names) {
          points.add(new Keypoint(name, anyDouble(), anyDouble(), visibility()));
        }
        yield new KeypointsValue(label, points, anyAttributes());
      }
      case MASK ->
          new MaskValue(
              label, mask(random.nextInt(0, 40), random.nextInt(0, 40), 12), anyAttributes());
      case SPAN -> {
        int start = random.nextInt(0, 10_000);
        int end = start + random.nextInt(0, 500);
        Optional<String> text = chance(0.5) ? Optional.of(text(0, 30)) : Optional.empty();
        yield new SpanValue(label, start, end, text, anyAttributes());
      }
      case RELATION ->
          new RelationValue(
              chance(0.5) ? Optional.of(label) : Optional.empty(), id("from"), id("to"));
      case TIME_SEGMENT -> {
        double start = anyNonNegative();
        double end = start + anyNonNegative();
        if (!Double.isFinite(end)) {
          end = start;
        }
        yield new TimeSegmentValue(label, start, end, anyAttributes());
      }
      case TRANSCRIPTION ->
          new TranscriptionValue(
              text(0, 80), chance(0.5) ? Optional.of(id("r")) : Optional.empty());
      case RATING -> new RatingValue(anyDouble());
      case PAIRWISE_PREFERENCE ->
          new PreferenceValue(
              id("resp"), id("resp"), pick(List.of(PreferenceValue.Verdict.values())));
      case RANKING -> {
        int n = random.nextInt(1, 6);
        List<String> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          order.add(id("resp"));
        }
        if (chance(0.3)) {
          // the same ids sorted into buckets, some of them empty
          List<RankingValue.Bucket> buckets = new ArrayList<>();
          int from = 0;
          for (int b = random.nextInt(1, 4); b > 0; b--) {
            int to = b == 1 ? n : random.nextInt(from, n + 1);
            buckets.add(new RankingValue.Bucket("bucket-" + b, order.subList(from, to)));
            from = to;
          }
          yield RankingValue.ofBuckets(buckets);
        }
        yield new RankingValue(order);
      }
      case FREE_TEXT -> new FreeTextValue(text(0, 120));
    };
  }

  private Keypoint.Visibility visibility() {
    return pick(List.of(Keypoint.Visibility.values()));
  }

  /**
   * An origin: human half of the time, else a model with or without a score.
   *
   * @return the origin
   */
  public Origin origin() {
    if (chance(0.5)) {
      return Origin.HUMAN;
    }
    OptionalDouble score =
        chance(0.5) ? OptionalDouble.of(random.nextDouble()) : OptionalDouble.empty();
    return new Origin.Model(pick(MODELS), pick(List.of("1", "2024-05-13", "v8.1.0", "β")), score);
  }

  /**
   * An instant between 2000 and 2100, with nanoseconds half of the time (and a whole second, or
   * milliseconds only, the other half).
   *
   * @return the instant
   */
  public Instant instant() {
    long seconds = random.nextLong(946_684_800L, 4_102_444_800L);
    int nanos =
        switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> random.nextInt(1000) * 1_000_000;
          default -> random.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private OptionalDouble score() {
    return chance(0.4) ? OptionalDouble.of(random.nextDouble()) : OptionalDouble.empty();
  }

  /**
   * An annotation of up to eight results of random kinds with no regard for any schema or item
   * (values from {@link #anyValue(FieldKind)}), with random ids, origin (human or model, with or
   * without score), review state, creation time with nanoseconds, lead time present or absent and
   * result scores present or absent. For codec round trips.
   *
   * @return the annotation
   */
  public Annotation anyAnnotation() {
    Annotation.Builder builder = Annotation.builder(id("ann"), id("item"), id("annotator"));
    int count = random.nextInt(0, 9);
    Set<String> fieldNames = new HashSet<>();
    for (int i = 0; i < count; i++) {
      FieldKind kind = pick(List.of(FieldKind.values()));
      String field = chance(0.3) ? kind.jsonName() : name(fieldNames);
      builder.result(new Result(id("r"), field, anyValue(kind), score()));
    }
    return finish(builder);
  }

  private Annotation finish(Annotation.Builder builder) {
    builder.origin(origin()).reviewState(pick(List.of(ReviewState.values())));
    if (chance(0.9)) {
      builder.createdAt(instant());
    }
    if (chance(0.6)) {
      builder.leadTimeSeconds(chance(0.5) ? random.nextInt(0, 600) : random.nextDouble(0, 3600));
    }
    return builder.build();
  }

  // ---------------------------------------------------------------- valid annotations

  /**
   * An annotation of {@code item} that meets every constraint of {@code schema} and of the item, so
   * that the validator finds nothing wrong with it. For each field that applies to the item's kind
   * it gives a number of results within the field's counts (at least one when required, at most one
   * single choice), with labels of the field and valid attributes of the chosen label (every
   * required one, some optional ones); boxes, rotated boxes (corners included), polygons, polylines
   * and keypoints inside the image; masks of the image's size; spans within the text, with the
   * covered text sometimes, not overlapping when the field forbids it; time segments within the
   * duration; relations and transcription targets naming region results of the same annotation;
   * ratings on the scale; preferences between two responses (ties only when allowed); rankings that
   * order every response once.
   *
   * @param schema the schema; every required field must apply to the item's kind
   * @param item the item
   * @return a valid annotation
   * @throws IllegalArgumentException if the schema cannot be satisfied on this item (schemas from
   *     {@link #schemaFor(ItemKind)} always can)
   */
  public Annotation validAnnotation(Schema schema, Item item) {
    return new ValidAnnotations(this, schema, item).annotation();
  }

  /** An annotation builder with fresh ids for {@code item}. */
  Annotation.Builder builderFor(Item item) {
    return Annotation.builder(id("ann"), item.id(), id("annotator"));
  }

  /** Completes an annotation with random metadata. */
  Annotation complete(Annotation.Builder builder) {
    return finish(builder);
  }

  /** A random double in [lo, hi], sometimes whole or half, for valid geometry. */
  double coordinateIn(double lo, double hi) {
    return coordinate(lo, hi);
  }

  /** A random visibility. */
  Keypoint.Visibility anyVisibility() {
    return visibility();
  }

  /** A random score, present or absent. */
  OptionalDouble anyScore() {
    return score();
  }

  // ---------------------------------------------------------------- benchmarks and metrics

  /**
   * {@code n} valid annotations of mixed kinds and realistic sizes, for benchmarks: mostly images
   * of common sizes with a few boxes, polygons, keypoints and masks each, plus texts with spans and
   * choices, audio and video segments, and comparisons with preferences and rankings.
   *
   * @param n the number of annotations, {@code >= 0}
   * @return the annotations
   */
  public List<Annotation> mixedAnnotations(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    Map<ItemKind, Schema> schemas = new EnumMap<>(ItemKind.class);
    for (ItemKind kind : ItemKind.values()) {
      schemas.put(kind, benchmarkSchema(kind));
    }
    List<Annotation> annotations = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int roll = random.nextInt(10);
      ItemKind kind =
          roll < 5
              ? ItemKind.IMAGE
              : roll < 7
                  ? ItemKind.TEXT
                  : roll < 8 ? ItemKind.AUDIO : roll < 9 ? ItemKind.VIDEO : ItemKind.COMPARISON;
      Item item =
          kind == ItemKind.IMAGE
              ? realisticImage()
              : kind == ItemKind.TEXT ? new TextItem(id("txt"), text(40, 400)) : item(kind);
      annotations.add(validAnnotation(Objects.requireNonNull(schemas.get(kind)), item));
    }
    return annotations;
  }

  private ImageItem realisticImage() {
    int[][] sizes = {{640, 480}, {1280, 720}, {1920, 1080}, {800, 600}, {512, 512}};
    int[] size = sizes[random.nextInt(sizes.length)];
    return new ImageItem(id("img"), uri("jpg"), size[0], size[1]);
  }

  private Schema benchmarkSchema(ItemKind kind) {
    List<Field> fields = new ArrayList<>();
    LabelSet objects = LabelSet.of("car", "person", "bicycle", "dog", "traffic light", "truck");
    Constraints few = new Constraints(false, 0, OptionalInt.of(4), true);
    switch (kind) {
      case IMAGE, VIDEO -> {
        fields.add(
            Field.builder("boxes", FieldKind.BOX).labels(objects).minCount(1).maxCount(6).build());
        fields.add(
            Field.builder("polygons", FieldKind.POLYGON).labels(objects).constraints(few).build());
        fields.add(
            Field.builder("pose", FieldKind.KEYPOINTS)
                .labels("person")
                .skeleton(new Skeleton(SKELETON_POINTS, List.of()))
                .maxCount(2)
                .build());
        fields.add(Field.builder("masks", FieldKind.MASK).labels(objects).maxCount(2).build());
        if (kind == ItemKind.VIDEO) {
          fields.add(
              Field.builder("events", FieldKind.TIME_SEGMENT)
                  .labels("pass", "goal")
                  .constraints(few)
                  .build());
        }
      }
      case TEXT -> {
        fields.add(
            Field.builder("entities", FieldKind.SPAN)
                .labels("PER", "ORG", "LOC", "MISC")
                .minCount(1)
                .maxCount(6)
                .allowOverlap(false)
                .build());
        fields.add(
            Field.builder("topics", FieldKind.MULTIPLE_CHOICE)
                .labels("sports", "politics", "science", "culture")
                .build());
      }
      case AUDIO -> {
        fields.add(
            Field.builder("segments", FieldKind.TIME_SEGMENT)
                .labels("speech", "music", "noise")
                .minCount(1)
                .maxCount(6)
                .build());
        fields.add(Field.builder("transcript", FieldKind.TRANSCRIPTION).maxCount(3).build());
      }
      case COMPARISON -> {
        fields.add(
            Field.builder("preference", FieldKind.PAIRWISE_PREFERENCE)
                .required(true)
                .maxCount(1)
                .build());
        fields.add(Field.builder("ranking", FieldKind.RANKING).build());
        fields.add(
            Field.builder("quality", FieldKind.RATING)
                .scale(RatingScale.likert(7))
                .maxCount(1)
                .build());
      }
    }
    fields.add(
        Field.builder("sentiment", FieldKind.SINGLE_CHOICE)
            .labels("positive", "neutral", "negative")
            .build());
    return new Schema("benchmark-" + kind.jsonName(), fields, Optional.empty());
  }

  /**
   * A matrix of ratings by {@code raters} raters of {@code units} units into {@code categories}
   * nominal categories {@code 0..categories-1}, with {@code -1} for a missing rating. Each unit has
   * a hidden true category and each rater an accuracy between 0.5 and 0.95: a rater gives the true
   * category with that probability, else a uniformly random one, so raters agree more than chance.
   * Each rating is missing with probability {@code missingRate}.
   *
   * @param units the number of units (rows), {@code >= 0}
   * @param raters the number of raters (columns), {@code >= 1}
   * @param categories the number of categories, {@code >= 1}
   * @param missingRate the probability that a rating is missing, in [0, 1]
   * @return the matrix, {@code [unit][rater]}
   */
  public int[][] ratingMatrix(int units, int raters, int categories, double missingRate) {
    if (units < 0) {
      throw new IllegalArgumentException("units must be >= 0, got " + units);
    }
    if (raters < 1) {
      throw new IllegalArgumentException("raters must be >= 1, got " + raters);
    }
    if (categories < 1) {
      throw new IllegalArgumentException("categories must be >= 1, got " + categories);
    }
    if (!(missingRate >= 0 && missingRate <= 1)) {
      throw new IllegalArgumentException("missingRate must be in [0, 1], got " + missingRate);
    }
    double[] accuracy = new double[raters];
    for (int r = 0; r < raters; r++) {
      accuracy[r] = random.nextDouble(0.5, 0.95);
    }
    int[][] matrix = new int[units][raters];
    for (int u = 0; u < units; u++) {
      int truth = random.nextInt(categories);
      for (int r = 0; r < raters; r++) {
        if (random.nextDouble() < missingRate) {
          matrix[u][r] = -1;
        } else {
          matrix[u][r] = random.nextDouble() < accuracy[r] ? truth : random.nextInt(categories);
        }
      }
    }
    return matrix;
  }
}
