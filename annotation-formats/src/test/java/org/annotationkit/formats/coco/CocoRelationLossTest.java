package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.voc.VocFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COCO has no links between instances: a relation between two regions is never written, and the
 * report names the image, the annotation and the relation's result it came from, with both ends.
 */
class CocoRelationLossTest {
  @TempDir Path dir;

  private static final ImageItem IMAGE =
      new ImageItem("street-1", URI.create("https://example.org/img/street-1.jpg"), 64, 48);

  private static Schema schema(String relationField) {
    return Schema.of(
        "street",
        Field.builder("boxes", FieldKind.BOX).labels("person", "bicycle").build(),
        Field.builder(relationField, FieldKind.RELATION).labels("rides").build());
  }

  private ConversionReport write(Schema schema, Annotation annotation) {
    Dataset dataset = Dataset.builder(schema).item(IMAGE).annotation(annotation).build();
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    return Converter.write(new CocoFormat(), dataset.source(), dir.resolve("out.json"), context);
  }

  private static List<Loss> of(ConversionReport report, String what) {
    return report.losses().stream().filter(loss -> loss.what().equals(what)).toList();
  }

  @Test
  void aRelationIsReportedWithTheAnnotationItCameFrom() throws IOException {
    Annotation annotation =
        Annotation.builder("a-7", "street-1", "alice")
            .result("r1", "boxes", new BoxValue("person", Box.of(10, 5, 8, 20)))
            .result("r2", "boxes", new BoxValue("bicycle", Box.of(8, 15, 14, 12)))
            .result("r3", "links", new RelationValue("rides", "r1", "r2"))
            .build();

    ConversionReport report = write(schema("links"), annotation);

    List<Loss> dropped = of(report, "relation dropped");
    assertThat(dropped).hasSize(1);
    Loss loss = dropped.get(0);
    assertThat(loss.object()).isEqualTo(LossObject.image("street-1.jpg").withAnnotation("a-7/r3"));
    assertThat(loss.reason())
        .contains("'rides'")
        .contains("'r1' ('person')")
        .contains("'r2' ('bicycle')");
    assertThat(of(report, "part dropped")).isEmpty();
    // The two boxes are written; the relation is not an instance, nor anywhere in the file.
    assertThat(report.annotations()).isEqualTo(2);
    String json = Files.readString(dir.resolve("out.json"));
    assertThat(json).doesNotContain("rides").doesNotContain("links");
  }

  @Test
  void aRelationWithoutALabelAndToAnUnknownResultIsStillNamed() {
    Annotation annotation =
        Annotation.builder("a-8", "street-1", "bob")
            .result("r1", "boxes", new BoxValue("person", Box.of(10, 5, 8, 20)))
            .result("r9", "links", new RelationValue("r1", "gone"))
            .build();

    ConversionReport report = write(schema("links"), annotation);

    List<Loss> dropped = of(report, "relation dropped");
    assertThat(dropped).hasSize(1);
    assertThat(dropped.get(0).object())
        .isEqualTo(LossObject.image("street-1.jpg").withAnnotation("a-8/r9"));
    assertThat(dropped.get(0).reason())
        .contains("from 'r1' ('person') to 'gone' is not written")
        .doesNotContain("rides");
  }

  @Test
  void aVocPartIsReportedAsAPartNotAsARelation() {
    Annotation annotation =
        Annotation.builder("a-9", "street-1", "voc")
            .result("2", "boxes", new BoxValue("person", Box.of(10, 5, 8, 20)))
            .result("2.1", "boxes", new BoxValue("bicycle", Box.of(8, 15, 14, 12)))
            .result("2.1-part-of", VocFormat.PART_OF, new RelationValue("2.1", "2"))
            .build();

    ConversionReport report = write(schema(VocFormat.PART_OF), annotation);

    assertThat(of(report, "relation dropped")).isEmpty();
    List<Loss> parts = of(report, "part dropped");
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).object())
        .isEqualTo(LossObject.image("street-1.jpg").withAnnotation("a-9/2.1-part-of"));
    assertThat(parts.get(0).reason())
        .contains("the part '2.1' ('bicycle') of the object '2' ('person')");
    assertThat(report.annotations()).isEqualTo(2);
  }
}
