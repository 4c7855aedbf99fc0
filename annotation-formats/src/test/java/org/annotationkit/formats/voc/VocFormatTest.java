package org.annotationkit.formats.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of the VOC reader and writer: the datumaro fixture and hand-written files. */
class VocFormatTest {
  private static final Format VOC = new VocFormat();

  @TempDir Path dir;

  static Path fixture() throws URISyntaxException {
    return Path.of(VocFormatTest.class.getResource("fixture").toURI());
  }

  static Dataset read(Path input, FormatOptions options) {
    try (DatasetSource source =
        VOC.reader().orElseThrow().open(input, ConversionContext.of(options))) {
      return Dataset.of(source);
    }
  }

  private static Map<String, AttributeValue> attrs(Object... pairs) {
    java.util.TreeMap<String, AttributeValue> map = new java.util.TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      map.put(
          (String) pairs[i],
          v instanceof Boolean b ? AttributeValue.of(b) : AttributeValue.of((String) v));
    }
    return map;
  }

  @Test
  void theDatumaroFixtureReadsWithEdges() throws Exception {
    Dataset dataset = read(fixture(), FormatOptions.none());

    assertThat(dataset.items())
        .containsExactly(
            new ImageItem(
                "2007_000001.jpg",
                URI.create("2007_000001.jpg"),
                20,
                10,
                Map.of("folder", "VOC2007", "size/depth", "3", "segmented", "1")));
    Schema schema = dataset.schema();
    // Objects and parts share the box field: object names first, then part names.
    assertThat(schema.fields()).extracting(f -> f.name()).containsExactly("box", "part-of");
    assertThat(schema.field("box").orElseThrow().labels().all())
        .extracting(l -> l.name())
        .containsExactly("cat", "person", "head");
    assertThat(schema.field("part-of").orElseThrow().kind()).isEqualTo(FieldKind.RELATION);

    Annotation annotation = dataset.annotations().get(0);
    assertThat(annotation.annotatorId()).isEqualTo("voc");
    // Edges: x = xmin, width = xmax - xmin (xmin 1, xmax 3 give x 1, width 2).
    assertThat(annotation.results())
        .extracting(r -> r.id() + " " + r.field() + " " + r.value())
        .containsExactly(
            "1 box " + new BoxValue("cat", Box.of(1, 2, 2, 2), attrs("truncated", true)),
            "2 box "
                + new BoxValue(
                    "person",
                    Box.of(4, 5, 2, 2),
                    attrs(
                        "actions/other", true,
                        "actions/jumping", false,
                        "actions/phoning", true,
                        "actions/playinginstrument", false,
                        "actions/reading", true,
                        "actions/ridingbike", false,
                        "actions/ridinghorse", true,
                        "actions/running", false,
                        "actions/takingphoto", true,
                        "actions/usingcomputer", false,
                        "actions/walking", true)),
            "2.1 box " + new BoxValue("head", Box.of(5.5, 6, 2, 2)),
            "2.1-part-of part-of " + new RelationValue("2.1", "2"));
  }

  @Test
  void theDevkitOptionReadsOneBasedInclusivePixels() throws Exception {
    Dataset dataset = read(fixture(), FormatOptions.of(Map.of("voc", "devkit")));
    // Devkit: x = xmin - 1, width = xmax - xmin + 1 (xmin 1, xmax 3 give x 0, width 3).
    assertThat(((BoxValue) dataset.annotations().get(0).results().get(0).value()).box())
        .isEqualTo(Box.of(0, 1, 3, 3));
  }

  private static final String FIXTURE_WRITTEN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <annotation>
        <folder>VOC2007</folder>
        <filename>2007_000001.jpg</filename>
        <size>
          <width>20</width>
          <height>10</height>
          <depth>3</depth>
        </size>
        <segmented>1</segmented>
        <object>
          <name>cat</name>
          <pose>Unspecified</pose>
          <truncated>1</truncated>
          <difficult>0</difficult>
          <bndbox>
            <xmin>1</xmin>
            <ymin>2</ymin>
            <xmax>3</xmax>
            <ymax>4</ymax>
          </bndbox>
        </object>
        <object>
          <name>person</name>
          <pose>Unspecified</pose>
          <truncated>0</truncated>
          <difficult>0</difficult>
          <bndbox>
            <xmin>4</xmin>
            <ymin>5</ymin>
            <xmax>6</xmax>
            <ymax>7</ymax>
          </bndbox>
          <part>
            <name>head</name>
            <bndbox>
              <xmin>6</xmin>
              <ymin>6</ymin>
              <xmax>8</xmax>
              <ymax>8</ymax>
            </bndbox>
          </part>
          <actions>
            <jumping>0</jumping>
            <other>1</other>
            <phoning>1</phoning>
            <playinginstrument>0</playinginstrument>
            <reading>1</reading>
            <ridingbike>0</ridingbike>
            <ridinghorse>1</ridinghorse>
            <running>0</running>
            <takingphoto>1</takingphoto>
            <usingcomputer>0</usingcomputer>
            <walking>1</walking>
          </actions>
        </object>
      </annotation>
      """;

  @Test
  void theFixtureWritesBackWithTheHalfPixelPartRoundedAndReported() throws Exception {
    Path out = dir.resolve("out");
    ConversionReport report = Converter.convert(VOC, VOC, fixture(), out, FormatOptions.none());

    assertThat(Files.readString(out.resolve("Annotations/2007_000001.xml")))
        .isEqualTo(FIXTURE_WRITTEN);
    assertThat(report.images()).isEqualTo(1);
    assertThat(report.annotations()).isEqualTo(2);
    // The head's 5.5 and 7.5 are not whole pixels: rounded half up to 6 and 8, and reported.
    assertThat(report.losses()).extracting(Loss::what).containsExactly("coordinates rounded");
    assertThat(report.losses().get(0).object().annotation()).hasValue("2.1");
  }

  @Test
  void devkitWritingAddsOneToTheLeadingEdges() throws Exception {
    Path out = dir.resolve("out");
    FormatOptions devkit = FormatOptions.of(Map.of("voc", "devkit"));
    Converter.convert(VOC, VOC, fixture(), out, devkit);
    String xml = Files.readString(out.resolve("Annotations/2007_000001.xml"));
    // Read as devkit, the cat is x 0, width 3; written as devkit it is 1..3 again.
    assertThat(xml).contains("<xmin>1</xmin>\n      <ymin>2</ymin>\n      <xmax>3</xmax>");
    List<org.annotationkit.core.annotation.Result> before =
        read(fixture(), devkit).annotations().get(0).results();
    List<org.annotationkit.core.annotation.Result> after =
        read(out, devkit).annotations().get(0).results();
    assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
    // The head, read as devkit, is x 4.5 (xmin 5.5 - 1): written as round(4.5) + 1 = 6, read 5.
    assertThat(((BoxValue) before.get(2).value()).box()).isEqualTo(Box.of(4.5, 5, 3, 3));
    assertThat(((BoxValue) after.get(2).value()).box()).isEqualTo(Box.of(5, 5, 3, 3));
  }

  @Test
  void whatVocCannotHoldIsReported() {
    Schema schema =
        Schema.of(
            "s",
            Field.builder("boxes", FieldKind.BOX).labels("car").rotatable(true).build(),
            Field.builder("shapes", FieldKind.POLYGON).labels("car").build(),
            Field.builder("scene", FieldKind.SINGLE_CHOICE).labels("day").build());
    ImageItem image = new ImageItem("a", URI.create("https://example.org/x/a%20b.png"), 100, 50);
    Annotation annotation =
        Annotation.builder("n", "a", "alice")
            .result("r1", "boxes", new BoxValue("car", new Box(10, 10, 20, 10, 90)))
            .result("r2", "shapes", new PolygonValue("car", Polygon.of(1, 1, 9, 1, 5, 7.5)))
            .result("r3", "scene", new ChoiceValue("day"))
            .result("r4", "boxes", new BoxValue("car", Box.of(0, 0, 5, 5), attrs("colour", "red")))
            .build();
    Dataset dataset = Dataset.builder(schema).item(image).annotation(annotation).build();
    Path out = dir.resolve("out");

    ConversionReport report =
        Converter.write(VOC, dataset.source(), out, ConversionContext.of(FormatOptions.none()));

    assertThat(report.losses())
        .extracting(l -> l.object().annotation().orElse("") + " " + l.what())
        .containsExactly(
            "r1 rotation dropped",
            "r2 polygon reduced to its box",
            "r3 result dropped",
            "r2 coordinates rounded");
    String xml;
    try {
      xml = Files.readString(out.resolve("Annotations/a b.xml"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    // The hull of the box turned by 90 degrees about its centre (20, 15): 15..25 x 5..25.
    assertThat(xml)
        .contains("<filename>a b.png</filename>")
        .contains(
            "<xmin>15</xmin>\n      <ymin>5</ymin>\n      <xmax>25</xmax>\n      <ymax>25</ymax>")
        // The polygon's box 1..9 x 1..7.5, its bottom edge rounded half up to 8.
        .contains(
            "<xmin>1</xmin>\n      <ymin>1</ymin>\n      <xmax>9</xmax>\n      <ymax>8</ymax>")
        .contains(
            "<attributes>\n      <attribute>\n        <name>colour</name>\n"
                + "        <value>red</value>\n      </attribute>\n    </attributes>");
  }

  @Test
  void everyImageGetsAFileEvenWithoutObjects() throws Exception {
    Schema schema = Schema.of("s", Field.builder("b", FieldKind.BOX).labels("x").build());
    Dataset dataset =
        Dataset.builder(schema)
            .item(new ImageItem("e", URI.create("train/empty.jpg"), 4, 3))
            .build();
    Path out = dir.resolve("out");
    Converter.write(VOC, dataset.source(), out, ConversionContext.of(FormatOptions.none()));
    assertThat(Files.readString(out.resolve("Annotations/train/empty.xml")))
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <annotation>
              <filename>empty.jpg</filename>
              <size>
                <width>4</width>
                <height>3</height>
              </size>
            </annotation>
            """);
    Dataset back = read(out, FormatOptions.none());
    assertThat(back.items())
        .containsExactly(new ImageItem("train/empty.jpg", URI.create("train/empty.jpg"), 4, 3));
    assertThat(back.annotations()).isEmpty();
  }

  private Path vocFile(String name, String xml) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("in/Annotations"));
    return Files.writeString(folder.resolve(name), xml, StandardCharsets.UTF_8);
  }

  private static final String HEAD =
      "<annotation><filename>a.jpg</filename>"
          + "<size><width>10</width><height>10</height></size>\n";

  @Test
  void malformedFilesRaiseAFormatExceptionWithFileAndLine() throws IOException {
    String[][] cases = {
      {
        HEAD
            + "<object><name>a</name>\n<bndbox><xmin>x</xmin><ymin>0</ymin><xmax>1</xmax>"
            + "<ymax>1</ymax></bndbox></object></annotation>",
        ":3:",
        "expected a number, found 'x'"
      },
      {HEAD + "<object><name>a</name></object></annotation>", ":2:", "has no <bndbox>"},
      {HEAD + "<object>\n<bndbox/></object></annotation>", ":2:", "<name> is missing"},
      {
        HEAD
            + "<object><name>a</name><bndbox><xmin>5</xmin><ymin>0</ymin><xmax>1</xmax>"
            + "<ymax>1</ymax></bndbox></object></annotation>",
        ":2:",
        "ends before it starts"
      },
      {
        HEAD
            + "<object><name>a</name><bndbox><xmin>NaN</xmin><ymin>0</ymin><xmax>1</xmax>"
            + "<ymax>1</ymax></bndbox></object></annotation>",
        ":2:",
        "found 'NaN'"
      },
      {
        HEAD + "<object><name>a</name><truncated>2</truncated></object></annotation>",
        ":2:",
        "expected 0 or 1, found '2'"
      },
      {HEAD + "<object>\n</annotation>", ":3:", "malformed XML"},
      {"<annotations/>", ":1:", "root element must be <annotation>"},
      {"<annotation><filename>a.jpg</filename></annotation>", ":1:", "image size is missing"},
      {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<annotation>&x;</annotation>",
        "a.xml",
        "DTD"
      },
    };
    for (String[] c : cases) {
      vocFile("a.xml", c[0]);
      assertThatThrownBy(() -> read(dir.resolve("in"), FormatOptions.none()))
          .as(c[0])
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("a.xml" + (c[1].startsWith(":") ? c[1] : ""))
          .hasMessageContaining(c[2]);
    }
  }

  @Test
  void aMissingSizeComesFromTheSizesTable() throws IOException {
    vocFile(
        "a.xml",
        "<annotation><filename>a.jpg</filename><size><width>0</width>"
            + "<height>0</height></size></annotation>");
    Path sizes =
        Files.writeString(dir.resolve("sizes.csv"), "file_name,width,height\na.jpg,64,48\n");
    Dataset dataset = read(dir.resolve("in"), FormatOptions.none().withSizes(sizes));
    assertThat(((ImageItem) dataset.items().get(0)).width()).isEqualTo(64);
    assertThat(((ImageItem) dataset.items().get(0)).height()).isEqualTo(48);
  }

  @Test
  void detectionIsCertainForAnAnnotationsFolder() throws Exception {
    assertThat(VOC.detect(fixture())).isEqualTo(Format.Detection.CERTAIN);
    assertThat(VOC.detect(fixture().resolve("Annotations"))).isEqualTo(Format.Detection.POSSIBLE);
    Files.writeString(dir.resolve("x.xml"), "<annotations><version>1.1</version></annotations>");
    assertThat(VOC.detect(dir)).isEqualTo(Format.Detection.NO);
    assertThat(Formats.installed().detect(fixture()).name()).isEqualTo("voc");
  }
}
