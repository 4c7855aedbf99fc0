package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives a FormatException with what went wrong and exactly where. */
class ReadErrorsTest {
  private static final JsonCodec<Annotation> ANNOTATIONS = CanonicalJson.annotations();
  private static final JsonCodec<Item> ITEMS = CanonicalJson.items();
  private static final JsonCodec<Schema> SCHEMAS = CanonicalJson.schemas();

  private static final String HEAD =
      "{\"annotationkit\":\"annotation\",\"version\":1,\"id\":\"a1\",\"item\":\"i1\","
          + "\"annotator\":\"alice\",\"origin\":{\"type\":\"human\"},"
          + "\"createdAt\":\"2026-03-01T09:30:00Z\",\"results\":[";

  /** An annotation with one result whose value object is {@code value}. */
  private static String withValue(String value) {
    return HEAD + "{\"id\":\"r1\",\"field\":\"objects\",\"value\":" + value + "}]}";
  }

  private static String box(String extra) {
    return "{\"type\":\"box\",\"label\":\"car\",\"x\":1,\"y\":2,\"width\":3,\"height\":4"
        + extra
        + "}";
  }

  private static FormatException readAnnotation(String json) {
    return catchThrowableOfType(FormatException.class, () -> ANNOTATIONS.read(json));
  }

  /** The 1-based column of the first occurrence of {@code part} in {@code json}. */
  private static long columnOf(String json, String part) {
    int index = json.indexOf(part);
    assertThat(index).as("%s in %s", part, json).isNotNegative();
    return index + 1L;
  }

  private static void assertAt(FormatException e, long line, long column, String pointer) {
    assertThat(e.line()).hasValue(line);
    assertThat(e.column()).hasValue(column);
    assertThat(e.pointer()).hasValue(pointer);
  }

  @Test
  void sanityTheBaseInputReads() {
    assertThat(ANNOTATIONS.read(withValue(box(""))).results()).hasSize(1);
  }

  @Test
  void unknownField() {
    String json = withValue(box(",\"colour\":\"red\""));
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .isEqualTo(
            "unknown field \"colour\" in a box value; expected one of: type, label, x, y, width,"
                + " height, rotation, attributes");
    assertAt(e, 1, columnOf(json, "\"colour\""), "/results/0/value/colour");
    assertThat(e.getMessage())
        .isEqualTo(
            "line 1:"
                + columnOf(json, "\"colour\"")
                + " at /results/0/value/colour: "
                + e.problem());
  }

  @Test
  void unknownTopLevelField() {
    String json = HEAD + "],\"extra\":1}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).startsWith("unknown field \"extra\" in an annotation record;");
    assertAt(e, 1, columnOf(json, "\"extra\""), "/extra");
  }

  @Test
  void wrongType() {
    String json =
        withValue(
            "{\"type\":\"box\",\"label\":\"car\",\"x\":1,\"y\":2,\"width\":\"3\",\"height\":4}");
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("expected a number, found the string \"3\"");
    assertAt(e, 1, columnOf(json, "\"3\""), "/results/0/value/width");
  }

  @Test
  void wrongTypeForAnObject() {
    String json = HEAD.replace("{\"type\":\"human\"}", "\"human\"") + "]}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("expected an origin (an object), found the string \"human\"");
    assertAt(e, 1, columnOf(json, "\"human\""), "/origin");
  }

  @Test
  void nullIsNotAnAbsentValue() {
    String json = withValue(box(",\"rotation\":null"));
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("expected a number, found null");
    assertThat(e.pointer()).hasValue("/results/0/value/rotation");
  }

  @Test
  void missingRequiredField() {
    String value = "{\"type\":\"box\",\"x\":1,\"y\":2,\"width\":3,\"height\":4}";
    String json = withValue(value);
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("missing required field \"label\" in a box value");
    assertAt(e, 1, columnOf(json, value), "/results/0/value");
  }

  @Test
  void missingTopLevelField() {
    String json = HEAD.replace("\"annotator\":\"alice\",", "") + "]}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .isEqualTo("missing required field \"annotator\" in an annotation record");
    assertAt(e, 1, 1, "");
    assertThat(e.getMessage()).isEqualTo("line 1:1 at /: " + e.problem());
  }

  @Test
  void duplicateField() {
    String json = withValue(box(",\"x\":5"));
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("duplicate field \"x\"");
    assertAt(e, 1, json.lastIndexOf("\"x\"") + 1, "/results/0/value/x");
  }

  @Test
  void duplicateKeyInAMap() {
    String json =
        withValue(box(",\"attributes\":{\"occluded\":true,\"speed\":3,\"occluded\":false}"));
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("duplicate key \"occluded\"");
    assertThat(e.pointer()).hasValue("/results/0/value/attributes/occluded");
  }

  @Test
  void duplicateMetadataKey() {
    String json =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"text\",\"id\":\"t\",\"text\":\"x\","
            + "\"metadata\":{\"a/b\":\"1\",\"a/b\":\"2\"}}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> ITEMS.read(json));
    assertThat(e.problem()).isEqualTo("duplicate key \"a/b\"");
    assertThat(e.pointer()).hasValue("/metadata/a~1b");
  }

  @Test
  void badVersion() {
    String json = HEAD.replace("\"version\":1", "\"version\":2") + "]}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .isEqualTo("unsupported version 2 of an annotation record; this reader reads version 1");
    assertAt(e, 1, columnOf(json, "2,"), "/version");
  }

  @Test
  void versionMustBeAnInteger() {
    String json = HEAD.replace("\"version\":1", "\"version\":\"1\"") + "]}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("expected an integer, found the string \"1\"");
    assertThat(e.pointer()).hasValue("/version");
  }

  @Test
  void recordOfAnotherType() {
    String item =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"text\",\"id\":\"t\",\"text\":\"x\"}";
    FormatException e = readAnnotation(item);
    assertThat(e.problem()).isEqualTo("expected an annotation record, found an item record");
    assertAt(e, 1, columnOf(item, "\"item\""), "/annotationkit");
    FormatException schema = catchThrowableOfType(FormatException.class, () -> SCHEMAS.read(item));
    assertThat(schema.problem()).isEqualTo("expected a schema record, found an item record");
    FormatException unknown =
        catchThrowableOfType(
            FormatException.class, () -> ITEMS.read("{\"annotationkit\":\"task\",\"version\":1}"));
    assertThat(unknown.problem())
        .isEqualTo("expected an item record, found an unknown record type \"task\"");
  }

  @Test
  void headerMustComeFirst() {
    String json = "{\"version\":1,\"annotationkit\":\"annotation\"}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .isEqualTo(
            "expected field \"annotationkit\", found field \"version\": a record starts with"
                + " \"annotationkit\": \"annotation\" then \"version\": 1");
    assertAt(e, 1, 2, "/version");
  }

  @Test
  void discriminatorOfAValueMustComeFirst() {
    String json = withValue("{\"label\":\"car\",\"type\":\"box\"}");
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .isEqualTo("expected field \"type\", found field \"label\": a value starts with \"type\"");
    assertThat(e.pointer()).hasValue("/results/0/value/label");
  }

  @Test
  void unknownValueType() {
    String json = withValue("{\"type\":\"boxes\"}");
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .startsWith("expected one of \"single_choice\", \"multiple_choice\", \"box\"")
        .endsWith(", found \"boxes\"; did you mean \"box\"?");
    assertThat(e.pointer()).hasValue("/results/0/value/type");
  }

  @Test
  void aMisspeltFieldKindInASchemaGetsADidYouMeanLikeAMisspeltFieldName() {
    String json =
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":["
            + "{\"name\":\"f\",\"kind\":\"singel_choice\",\"labels\":[{\"name\":\"a\"}]}]}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> SCHEMAS.read(json));
    assertThat(e.problem())
        .startsWith("expected one of \"single_choice\", ")
        .endsWith(", found \"singel_choice\"; did you mean \"single_choice\"?");
    assertThat(e.pointer()).hasValue("/fields/0/kind");
  }

  @Test
  void aMisspeltMemberNameGetsADidYouMean() {
    String json =
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":["
            + "{\"name\":\"f\",\"kind\":\"box\",\"lables\":[{\"name\":\"a\"}]}]}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> SCHEMAS.read(json));
    assertThat(e.problem())
        .startsWith("unknown field \"lables\" in a field; expected one of: name, kind,")
        .endsWith("; did you mean \"labels\"?");
    assertThat(e.pointer()).hasValue("/fields/0/lables");
  }

  @Test
  void truncatedJson() {
    String json = withValue(box("")).substring(0, 150);
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).startsWith("malformed JSON: Unexpected end-of-input");
    assertThat(e.line()).hasValue(1);
    assertThat(e.column()).hasValue(151);
    assertThat(e.getCause()).isInstanceOf(tools.jackson.core.JacksonException.class);
  }

  @Test
  void notJsonAtAll() {
    FormatException e = readAnnotation("this is not json");
    assertThat(e.problem()).startsWith("malformed JSON: Unrecognized token 'this': was expecting");
    assertAt(e, 1, 1, "");
  }

  @Test
  void notAnObject() {
    FormatException e = readAnnotation("[1, 2]");
    assertThat(e.problem()).isEqualTo("expected an annotation record (an object), found an array");
    assertAt(e, 1, 1, "");
  }

  @Test
  void emptyInput() {
    FormatException e = readAnnotation("  \n ");
    assertThat(e.problem()).isEqualTo("expected an annotation record, but the input is empty");
  }

  @Test
  void trailingContent() {
    String one = withValue(box(""));
    FormatException e = readAnnotation(one + "\n" + one);
    assertThat(e.problem())
        .isEqualTo("expected the end of the input after the record, found an object");
    assertAt(e, 2, 1, "");
  }

  @Test
  void nonIntegralNumberForAnInteger() {
    String json =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"image\",\"id\":\"i\","
            + "\"uri\":\"a.jpg\",\"width\":640.5,\"height\":480}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> ITEMS.read(json));
    assertThat(e.problem())
        .isEqualTo("expected an integer (no fraction or exponent), found the number 640.5");
    assertAt(e, 1, columnOf(json, "640.5"), "/width");
  }

  @Test
  void integerOutOfRange() {
    String json =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"image\",\"id\":\"i\","
            + "\"uri\":\"a.jpg\",\"width\":3000000000,\"height\":480}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> ITEMS.read(json));
    assertThat(e.problem())
        .isEqualTo(
            "expected an integer from -2147483648 to 2147483647, found the number 3000000000");
    assertThat(e.pointer()).hasValue("/width");
  }

  @Test
  void nanAndInfinityAreRefused() {
    FormatException nan = readAnnotation(withValue(box(",\"rotation\":NaN")));
    assertThat(nan.problem())
        .isEqualTo("malformed JSON: NaN is not a JSON number (numbers must be finite)");
    assertThat(nan.pointer()).hasValue("/results/0/value/rotation");
    FormatException infinity = readAnnotation(withValue(box(",\"rotation\":-Infinity")));
    assertThat(infinity.problem())
        .isEqualTo("malformed JSON: -Infinity is not a JSON number (numbers must be finite)");
    FormatException overflow = readAnnotation(withValue(box(",\"rotation\":1e400")));
    assertThat(overflow.problem()).isEqualTo("expected a finite number, found the number 1e400");
    assertThat(overflow.pointer()).hasValue("/results/0/value/rotation");
  }

  @Test
  void domainRefusalIsReportedAtTheObjectBeingBuilt() {
    String value = "{\"type\":\"box\",\"label\":\"car\",\"x\":1,\"y\":2,\"width\":-3,\"height\":4}";
    String json = withValue(value);
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("width must be >= 0, got -3.0");
    assertAt(e, 1, columnOf(json, value), "/results/0/value");
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void domainRefusalOfTheWholeRecord() {
    String result = "{\"id\":\"r1\",\"field\":\"f\",\"value\":{\"type\":\"rating\",\"value\":1}}";
    String json = HEAD + result + "," + result + "]}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("results must have unique ids, got r1 twice");
    assertAt(e, 1, 1, "");
  }

  @Test
  void badInstant() {
    String json = HEAD.replace("2026-03-01T09:30:00Z", "yesterday") + "]}";
    FormatException e = readAnnotation(json);
    assertThat(e.problem())
        .isEqualTo(
            "expected an ISO-8601 instant such as \"2024-05-01T12:30:00Z\", found \"yesterday\"");
    assertThat(e.pointer()).hasValue("/createdAt");
  }

  @Test
  void badUri() {
    String json =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"image\",\"id\":\"i\","
            + "\"uri\":\"a b.jpg\",\"width\":1,\"height\":1}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> ITEMS.read(json));
    assertThat(e.problem()).startsWith("not a valid URI: Illegal character in path");
    assertThat(e.pointer()).hasValue("/uri");
  }

  @Test
  void badPoint() {
    String json =
        withValue("{\"type\":\"polyline\",\"label\":\"lane\",\"points\":[[0,0],[1,2,3]]}");
    FormatException e = readAnnotation(json);
    assertThat(e.problem()).isEqualTo("expected a point [x, y], found a third element");
    assertThat(e.pointer()).hasValue("/results/0/value/points/1/2");
  }

  @Test
  void errorsInPrettyInputGiveTheLine() {
    String pretty =
        """
        {
          "annotationkit": "schema",
          "version": 1,
          "name": "s",
          "fields": [
            {
              "name": "objects",
              "kind": "box",
              "labels": [{"name": "car", "colour": "#ff0000"}]
            }
          ]
        }
        """;
    FormatException e =
        catchThrowableOfType(
            FormatException.class, () -> SCHEMAS.read(new StringReader(pretty), "schema.json"));
    assertThat(e.problem()).startsWith("unknown field \"colour\" in a label;");
    assertThat(e.source()).hasValue("schema.json");
    assertAt(e, 9, 34, "/fields/0/labels/0/colour");
    assertThat(e.getMessage()).startsWith("schema.json:9:34 at /fields/0/labels/0/colour: ");
  }

  @Test
  void schemaRefusalsPointAtTheirObject() {
    String json =
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":["
            + "{\"name\":\"f\",\"kind\":\"box\",\"labels\":[{\"name\":\"a\"},"
            + "{\"name\":\"b\",\"children\":[{\"name\":\"a\"}]}]}]}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> SCHEMAS.read(json));
    assertThat(e.pointer()).hasValue("/fields/0/labels");
    assertThat(e.column()).hasValue(columnOf(json, "[{\"name\":\"a\"}"));
    assertThat(e.problem()).contains("'a'").contains("twice");
    String noLabels =
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":["
            + "{\"name\":\"f\",\"kind\":\"box\"}]}";
    FormatException empty =
        catchThrowableOfType(FormatException.class, () -> SCHEMAS.read(noLabels));
    assertThat(empty.problem()).isEqualTo("field 'f' (box): labels must not be empty");
    assertThat(empty.pointer()).hasValue("/fields/0");
  }

  @Test
  void itemTypeMustFollowTheHeader() {
    String json = "{\"annotationkit\":\"item\",\"version\":1,\"id\":\"i\",\"type\":\"text\"}";
    FormatException e = catchThrowableOfType(FormatException.class, () -> ITEMS.read(json));
    assertThat(e.problem())
        .isEqualTo(
            "expected field \"type\", found field \"id\": an item record starts with"
                + " \"annotationkit\", \"version\", then \"type\"");
    FormatException wrongField =
        catchThrowableOfType(
            FormatException.class,
            () ->
                ITEMS.read(
                    "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"audio\",\"id\":\"a\","
                        + "\"uri\":\"a.wav\",\"duration\":1,\"width\":3}"));
    assertThat(wrongField.problem()).startsWith("unknown field \"width\" in an audio item;");
    assertThat(wrongField.pointer()).hasValue("/width");
  }

  @Test
  void fileErrorsNameTheFile(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("bad.json");
    Files.writeString(file, "{\n  \"annotationkit\": \"annotation\",\n  \"version\": 7\n}\n");
    FormatException e = catchThrowableOfType(FormatException.class, () -> ANNOTATIONS.read(file));
    assertThat(e.source()).hasValue(file.toString());
    assertAt(e, 3, 14, "/version");
  }

  @Test
  void invalidUtf8IsAFormatError(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("latin1.json");
    Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    FormatException e = catchThrowableOfType(FormatException.class, () -> ANNOTATIONS.read(file));
    assertThat(e.problem()).startsWith("the input is not UTF-8 text");
    assertThat(e.source()).hasValue(file.toString());
  }

  /**
   * Puts {@code ,"zzz":0} before the closing brace of the {@code n}th object of a compact record
   * (maps, whose keys are free, left out), returning the input and the column of {@code "zzz"}; an
   * empty array when there are fewer objects.
   */
  private static String[] withUnknownFieldInObject(String json, int n) {
    int seen = 0;
    boolean inString = false;
    java.util.ArrayDeque<Integer> opened = new java.util.ArrayDeque<>();
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        opened.push(i);
      } else if (c == '}') {
        String before = json.substring(0, opened.pop());
        boolean map = before.endsWith("\"attributes\":") || before.endsWith("\"metadata\":");
        if (!map && seen++ == n) {
          String input = json.substring(0, i) + ",\"zzz\":0" + json.substring(i);
          return new String[] {input, Integer.toString(i + 2)};
        }
      }
    }
    return new String[0];
  }

  private static <T> int assertEveryObjectRefusesAnUnknownField(JsonCodec<T> codec, String json) {
    int objects = 0;
    for (String[] bad = withUnknownFieldInObject(json, 0);
        bad.length > 0;
        bad = withUnknownFieldInObject(json, ++objects)) {
      String input = bad[0];
      FormatException e = catchThrowableOfType(FormatException.class, () -> codec.read(input));
      assertThat(e).as(input).isNotNull();
      assertThat(e.problem()).as(input).startsWith("unknown field \"zzz\" in ");
      assertThat(e.pointer()).as(input).hasValueSatisfying(p -> assertThat(p).endsWith("/zzz"));
      assertThat(e.column()).as(input).hasValue(Long.parseLong(bad[1]));
      assertThat(e.line()).hasValue(1);
    }
    return objects;
  }

  @Test
  void everyKindOfObjectRefusesUnknownFieldsWhereTheyAre() {
    int objects = 0;
    for (Annotation annotation : Samples.annotations()) {
      objects += assertEveryObjectRefusesAnUnknownField(ANNOTATIONS, ANNOTATIONS.write(annotation));
    }
    for (Item item : Samples.itemOfEveryType()) {
      objects += assertEveryObjectRefusesAnUnknownField(ITEMS, ITEMS.write(item));
    }
    objects +=
        assertEveryObjectRefusesAnUnknownField(SCHEMAS, SCHEMAS.write(Samples.everyFeature()));
    assertThat(objects).isGreaterThan(60);
  }

  @Test
  void unknownFieldInANestedLabelHasItsPointer() {
    String json = SCHEMAS.write(Samples.everyFeature());
    String input = json.replace("\"name\":\"truck\"", "\"name\":\"truck\",\"zzz\":0");
    FormatException e = catchThrowableOfType(FormatException.class, () -> SCHEMAS.read(input));
    assertThat(e.pointer()).hasValue("/fields/0/labels/0/children/1/zzz");
    assertThat(e.problem())
        .isEqualTo(
            "unknown field \"zzz\" in a label; expected one of: name, color, description,"
                + " attributes, children");
  }

  @Test
  void moreMissingFields() {
    FormatException image =
        catchThrowableOfType(
            FormatException.class,
            () ->
                ITEMS.read(
                    "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"image\",\"id\":\"i\","
                        + "\"width\":1,\"height\":1}"));
    assertThat(image.problem()).isEqualTo("missing required field \"uri\" in an image item");
    assertThat(image.pointer()).hasValue("");
    String model =
        HEAD.replace("{\"type\":\"human\"}", "{\"type\":\"model\",\"name\":\"m\"}") + "]}";
    FormatException origin = readAnnotation(model);
    assertThat(origin.problem()).isEqualTo("missing required field \"version\" in a model origin");
    assertThat(origin.pointer()).hasValue("/origin");
    assertThat(origin.column()).hasValue(columnOf(model, "{\"type\":\"model\""));
    String keypoint =
        withValue(
            "{\"type\":\"keypoints\",\"label\":\"p\",\"points\":[{\"name\":\"nose\",\"x\":1,\"y\":2,"
                + "\"visibility\":\"hidden\"}]}");
    FormatException visibility = readAnnotation(keypoint);
    assertThat(visibility.problem())
        .isEqualTo("expected one of \"not_labeled\", \"occluded\", \"visible\", found \"hidden\"");
    assertThat(visibility.pointer()).hasValue("/results/0/value/points/0/visibility");
  }
}
