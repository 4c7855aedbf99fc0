package org.annotationkit.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ready-made schemas for common labeling tasks: COCO object detection, CoNLL-2003 named entities,
 * three-way sentiment, and the comparison of model outputs. Each call returns an equal, immutable
 * schema that may be used as is or as a starting point.
 *
 * @since 0.1.0
 */
public final class Presets {

  /**
   * The 80 object categories of the COCO 2017 detection annotations, in the official order (the
   * {@code categories} array of {@code instances_train2017.json} and {@code
   * instances_val2017.json}, sorted by category id 1..90, whose gaps 12, 26, 29, 30, 45, 66, 68,
   * 69, 71 and 83 are ids without annotations). Source: the COCO data format,
   * https://cocodataset.org/#format-data; checked name by name against that {@code categories}
   * array.
   */
  private static final List<String> COCO_80 =
      List.of(
          "person",
          "bicycle",
          "car",
          "motorcycle",
          "airplane",
          "bus",
          "train",
          "truck",
          "boat",
          "traffic light",
          "fire hydrant",
          "stop sign",
          "parking meter",
          "bench",
          "bird",
          "cat",
          "dog",
          "horse",
          "sheep",
          "cow",
          "elephant",
          "bear",
          "zebra",
          "giraffe",
          "backpack",
          "umbrella",
          "handbag",
          "tie",
          "suitcase",
          "frisbee",
          "skis",
          "snowboard",
          "sports ball",
          "kite",
          "baseball bat",
          "baseball glove",
          "skateboard",
          "surfboard",
          "tennis racket",
          "bottle",
          "wine glass",
          "cup",
          "fork",
          "knife",
          "spoon",
          "bowl",
          "banana",
          "apple",
          "sandwich",
          "orange",
          "broccoli",
          "carrot",
          "hot dog",
          "pizza",
          "donut",
          "cake",
          "chair",
          "couch",
          "potted plant",
          "bed",
          "dining table",
          "toilet",
          "tv",
          "laptop",
          "mouse",
          "remote",
          "keyboard",
          "cell phone",
          "microwave",
          "oven",
          "toaster",
          "sink",
          "refrigerator",
          "book",
          "clock",
          "vase",
          "scissors",
          "teddy bear",
          "hair drier",
          "toothbrush");

  private static final String RED = "#d1495b";
  private static final String BLUE = "#2e86ab";
  private static final String GREEN = "#3bb273";
  private static final String AMBER = "#edae49";
  private static final String GREY = "#8d99ae";

  private Presets() {}

  /**
   * COCO object detection: one {@link FieldKind#BOX} field {@code "objects"} whose flat label set
   * holds COCO 2017's 80 detection categories in the official order, from {@code "person"} to
   * {@code "toothbrush"}, each with a distinct colour.
   *
   * @return the schema named {@code "coco80"}
   */
  public static Schema coco80() {
    List<String> colors = palette(COCO_80.size());
    List<Label> labels = new ArrayList<>(COCO_80.size());
    for (int i = 0; i < COCO_80.size(); i++) {
      labels.add(Label.of(COCO_80.get(i)).withColor(colors.get(i)));
    }
    Field objects =
        Field.builder("objects", FieldKind.BOX)
            .labels(LabelSet.of(labels))
            .description("Draw a box around every object of the 80 categories.")
            .build();
    return Schema.of("coco80", objects)
        .withDescription("COCO 2017 object detection: boxes of 80 everyday object categories.");
  }

  /**
   * CoNLL-2003 named entities: one {@link FieldKind#SPAN} field {@code "entities"} with the labels
   * {@code PER} (person), {@code ORG} (organisation), {@code LOC} (location) and {@code MISC}
   * (miscellaneous), whose spans may not overlap.
   *
   * @return the schema named {@code "conll2003"}
   */
  public static Schema conll2003() {
    Field entities =
        Field.builder("entities", FieldKind.SPAN)
            .labels(
                LabelSet.of(
                    List.of(
                        entity("PER", "person", RED),
                        entity("ORG", "organisation", BLUE),
                        entity("LOC", "location", GREEN),
                        entity("MISC", "miscellaneous", AMBER))))
            .allowOverlap(false)
            .description("Mark every named entity.")
            .build();
    return Schema.of("conll2003", entities)
        .withDescription("CoNLL-2003 named entities: persons, organisations, locations, other.");
  }

  /**
   * Three-way sentiment: one required {@link FieldKind#SINGLE_CHOICE} field {@code "sentiment"}
   * with the labels {@code positive}, {@code neutral} and {@code negative}, answered once.
   *
   * @return the schema named {@code "sentiment3"}
   */
  public static Schema sentiment3() {
    Field sentiment =
        Field.builder("sentiment", FieldKind.SINGLE_CHOICE)
            .labels(
                LabelSet.of(
                    List.of(
                        Label.of("positive").withColor(GREEN),
                        Label.of("neutral").withColor(GREY),
                        Label.of("negative").withColor(RED))))
            .required(true)
            .maxCount(1)
            .description("What is the sentiment of the text?")
            .build();
    return Schema.of("sentiment3", sentiment)
        .withDescription("Sentiment of a text: positive, neutral or negative.");
  }

  /**
   * The comparison of model outputs, for preference data and evaluation: a required {@link
   * FieldKind#PAIRWISE_PREFERENCE} field {@code "preference"} that allows ties, a {@link
   * FieldKind#RANKING} field {@code "ranking"}, a {@link FieldKind#RATING} field {@code "quality"}
   * on a 7-point Likert scale, and a {@link FieldKind#FREE_TEXT} field {@code "rationale"}. The
   * last three are optional and answered at most once; the preference may be given for several
   * pairs when an item has more than two responses.
   *
   * @return the schema named {@code "modelComparison"}
   */
  public static Schema modelComparison() {
    Field preference =
        Field.builder("preference", FieldKind.PAIRWISE_PREFERENCE)
            .allowTies(true)
            .required(true)
            .description("Which response is better?")
            .build();
    Field ranking =
        Field.builder("ranking", FieldKind.RANKING)
            .maxCount(1)
            .description("Order the responses, best first.")
            .build();
    Field quality =
        Field.builder("quality", FieldKind.RATING)
            .scale(RatingScale.likert(7))
            .maxCount(1)
            .description("How good is the best response, from 1 (very poor) to 7 (excellent)?")
            .build();
    Field rationale =
        Field.builder("rationale", FieldKind.FREE_TEXT).maxCount(1).description("Why?").build();
    return Schema.of("modelComparison", preference, ranking, quality, rationale)
        .withDescription("Compare the responses of models to one prompt.");
  }

  private static Label entity(String name, String description, String color) {
    return Label.of(name).withDescription(description).withColor(color);
  }

  /**
   * Distinct, even colours: hues a golden angle apart, so that neighbours in the list differ
   * strongly, in three alternating shades.
   */
  private static List<String> palette(int count) {
    List<String> colors = new ArrayList<>(count);
    double goldenRatioConjugate = 0.6180339887498949;
    double[] saturations = {0.65, 0.55, 0.75};
    double[] values = {0.88, 0.70, 0.80};
    for (int i = 0; i < count; i++) {
      double hue = (0.03 + i * goldenRatioConjugate) % 1.0;
      colors.add(hsvToHex(hue, saturations[i % 3], values[i % 3]));
    }
    return colors;
  }

  private static String hsvToHex(double hue, double saturation, double value) {
    double h = hue * 6;
    int sector = (int) Math.floor(h) % 6;
    double f = h - Math.floor(h);
    double p = value * (1 - saturation);
    double q = value * (1 - f * saturation);
    double t = value * (1 - (1 - f) * saturation);
    double[] rgb =
        switch (sector) {
          case 0 -> new double[] {value, t, p};
          case 1 -> new double[] {q, value, p};
          case 2 -> new double[] {p, value, t};
          case 3 -> new double[] {p, q, value};
          case 4 -> new double[] {t, p, value};
          default -> new double[] {value, p, q};
        };
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(rgb[0] * 255),
        Math.round(rgb[1] * 255),
        Math.round(rgb[2] * 255));
  }
}
