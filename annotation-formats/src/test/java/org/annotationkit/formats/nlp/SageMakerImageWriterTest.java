package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.internal.Png;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SageMaker writer: golden read -> write -> read of the developer guide's manifests (the
 * fixtures of {@link SageMakerImageFormatTest}), and a hand-written dataset's exact line.
 */
class SageMakerImageWriterTest {
  private static final Format SAGEMAKER = new SageMakerImageFormat();

  @TempDir Path dir;

  private static void assertSame(Dataset actual, Dataset expected) {
    assertThat(actual.schema()).isEqualTo(expected.schema());
    assertThat(actual.items()).isEqualTo(expected.items());
    assertThat(actual.annotations()).isEqualTo(expected.annotations());
  }

  private Dataset roundTrip(String manifest, FormatOptions options, List<String> losses)
      throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path input = Files.writeString(in.resolve("output.manifest"), manifest);
    Dataset first = SageMakerImageFormatTest.read(input, ConversionContext.of(options));
    Path out = Files.createDirectories(dir.resolve("out"));
    Path written = out.resolve("written.manifest");
    ConversionReport report =
        Converter.write(SAGEMAKER, first.source(), written, ConversionContext.of(options));
    assertThat(report.losses()).extracting(Loss::what).containsExactlyElementsOf(losses);
    Dataset again = SageMakerImageFormatTest.read(written, ConversionContext.of(options));
    assertSame(again, first);
    return first;
  }

  @Test
  void boxJobsWriteAndReadBackAsRead() throws IOException {
    Dataset first = roundTrip(SageMakerImageFormatTest.BOXES, FormatOptions.none(), List.of());
    assertThat(first.annotations()).hasSize(2);
    String line = Files.readString(dir.resolve("out/written.manifest"));
    // The class ids are the labels' positions (dog 0, bone 1), the scores the objects'.
    assertThat(line)
        .startsWith(
            "{\"source-ref\":\"s3://AWSDOC-EXAMPLE-BUCKET/example_image.png\",\"bounding-box\":"
                + "{\"image_size\":[{\"width\":500,\"height\":400,\"depth\":3}],\"annotations\":"
                + "[{\"class_id\":0,\"left\":111,\"top\":134,\"width\":61,\"height\":128},"
                + "{\"class_id\":1,\"left\":161,\"top\":250,\"width\":30,\"height\":30},"
                + "{\"class_id\":1,\"left\":20,\"top\":20,\"width\":30,\"height\":30}]},"
                + "\"bounding-box-metadata\":{\"objects\":[{\"confidence\":0.8},"
                + "{\"confidence\":0.9},{\"confidence\":0.9}],\"class-map\":{\"0\":\"dog\","
                + "\"1\":\"bone\"},\"type\":\"groundtruth/object-detection\",\"job-name\":"
                + "\"identify-dogs-and-toys\",\"human-annotated\":\"yes\",\"creation-date\":"
                + "\"2018-10-18T22:18:13.527256Z\"},\"adjusted-bounding-box\":")
        .endsWith("\n");
  }

  @Test
  void classificationJobsWriteAndReadBackAsRead() throws IOException {
    Path sizes =
        Files.writeString(
            dir.resolve("sizes.csv"),
            "file_name,width,height\nexample_image.jpg,10,20\nexample_image2.jpg,30,40\n");
    roundTrip(
        SageMakerImageFormatTest.CLASSES,
        FormatOptions.none().withSizes(sizes),
        List.of("image size dropped", "image size dropped"));
    List<String> lines = Files.readAllLines(dir.resolve("out/written.manifest"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"source-ref\":\"s3://AWSDOC-EXAMPLE-BUCKET/example_image.jpg\",\"species\":\"0\","
                + "\"species-metadata\":{\"class-name\":\"dog\",\"confidence\":0.0,"
                + "\"type\":\"groundtruth/image-classification\","
                + "\"job-name\":\"identify-animal-species\",\"human-annotated\":\"yes\","
                + "\"creation-date\":\"2018-10-18T22:18:13.527256Z\"}}");
    // Labels by class id (person 0, bicycle 1, clothing 8 -> 2), the choice in its order.
    assertThat(lines.get(1))
        .contains("\"image-label-attribute-name\":[1,0,2]")
        .contains("\"class-map\":{\"0\":\"person\",\"1\":\"bicycle\",\"2\":\"clothing\"}");
  }

  @Test
  void segmentationAndVerificationWriteTheirPngAndReadBackAsRead() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(
        in.resolve("city_label.png"),
        Base64.getDecoder().decode(SageMakerImageFormatTest.SEGMENTATION_PNG));
    roundTrip(SageMakerImageFormatTest.SEGMENTATION, FormatOptions.none(), List.of());
    String line = Files.readString(dir.resolve("out/written.manifest"));
    assertThat(line)
        .contains("\"city-streets-ref\":\"example_city_image-city-streets-ref.png\"")
        .contains("\"verify-city-streets-ref\":\"0\"")
        .contains("\"type\":\"groundtruth/label-verification\"")
        .contains("\"human-annotated\":\"no\"");
    Png.Image png =
        Png.decode(
            Files.readAllBytes(dir.resolve("out/example_city_image-city-streets-ref.png")), "png");
    // White, buildings, road, road / buildings, white, white (the unnamed colour), buildings.
    int b = SageMakerImageWriter.colour(1);
    int r = SageMakerImageWriter.colour(2);
    assertThat(png.rgb()).containsExactly(0xFFFFFF, b, r, r, b, 0xFFFFFF, 0xFFFFFF, b);
    assertThat(line)
        .contains(String.format("\"hex-color\":\"#%06x\"", b))
        .contains(String.format("\"hex-color\":\"#%06x\"", r));
  }

  @Test
  void classColoursAreDistinctAndNeverWhite() {
    // (id + 1) * 0x9E3779B1 mod 2^24 by hand for the first ids: 0x3C6EF362 -> 6ef362, etc.
    assertThat(SageMakerImageWriter.colour(1)).isEqualTo((int) ((2 * 0x9E3779B1L) & 0xFFFFFF));
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int id = 1; id <= 10_000; id++) {
      int c = SageMakerImageWriter.colour(id);
      assertThat(c).isNotEqualTo(0xFFFFFF);
      assertThat(seen.add(c)).isTrue();
    }
  }

  @Test
  void whatAManifestCannotHoldIsReported() throws IOException {
    Schema schema =
        Schema.of(
            "s",
            Field.builder("boxes", FieldKind.BOX).labels("car", "bus").rotatable(true).build(),
            Field.builder("shapes", FieldKind.POLYGON).labels("car").build(),
            Field.builder("scene", FieldKind.SINGLE_CHOICE).labels("day", "night").build(),
            Field.builder("masks", FieldKind.MASK).labels("sky").build());
    ImageItem image = new ImageItem("a", URI.create("images/a.jpg"), 4, 2);
    boolean[] sky = {true, true, true, true, false, false, false, false};
    Annotation annotation =
        Annotation.builder("n", "a", "alice")
            .result(Result.of("r1", "boxes", new BoxValue("bus", new Box(1, 0, 2, 1, 90))))
            .result("r2", "shapes", new PolygonValue("car", Polygon.of(0, 0, 1, 0, 1, 1)))
            .result("r3", "scene", new ChoiceValue("night"))
            .result("m/sky", "masks", new MaskValue("sky", RleMask.fromBitmap(2, 4, sky)))
            .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
            .build();
    Dataset dataset = Dataset.builder(schema).item(image).annotation(annotation).build();
    Path out = dir.resolve("m.manifest");

    ConversionReport report =
        Converter.write(
            SAGEMAKER, dataset.source(), out, ConversionContext.of(FormatOptions.none()));

    assertThat(report.losses())
        .extracting(l -> l.object().annotation().orElse("") + " " + l.what())
        .containsExactly(" item id replaced", "n/r2 polygon dropped", "n/r1 rotation dropped");
    String line = Files.readString(out);
    // The box rotated by 90 degrees about its centre (2, 0.5) has the hull x 1.5..2.5, y -0.5..1.5.
    assertThat(line)
        .isEqualTo(
            "{\"source-ref\":\"images/a.jpg\",\"boxes\":{\"image_size\":[{\"width\":4,"
                + "\"height\":2,\"depth\":3}],\"annotations\":[{\"class_id\":1,\"left\":1.5,"
                + "\"top\":-0.5,\"width\":1,\"height\":2}]},\"boxes-metadata\":{\"class-map\":"
                + "{\"1\":\"bus\"},\"type\":\"groundtruth/object-detection\",\"job-name\":"
                + "\"alice\",\"human-annotated\":\"yes\",\"creation-date\":"
                + "\"2026-01-02T03:04:05Z\"},\"r3\":\"1\",\"r3-metadata\":{\"class-name\":"
                + "\"night\",\"type\":\"groundtruth/image-classification\",\"job-name\":"
                + "\"alice\",\"human-annotated\":\"yes\",\"creation-date\":"
                + "\"2026-01-02T03:04:05Z\"},\"m\":\"a-m.png\",\"m-metadata\":"
                + "{\"internal-color-map\":{\"0\":{\"class-name\":\"BACKGROUND\",\"hex-color\":"
                + "\"#ffffff\"},\"1\":{\"class-name\":\"sky\",\"hex-color\":\""
                + String.format("#%06x", SageMakerImageWriter.colour(1))
                + "\"}},\"type\":\"groundtruth/semantic-segmentation\",\"job-name\":\"alice\","
                + "\"human-annotated\":\"yes\",\"creation-date\":\"2026-01-02T03:04:05Z\"}}\n");
    Dataset back = SageMakerImageFormatTest.read(out, ConversionContext.of(FormatOptions.none()));
    // One annotation per label attribute, as the service writes them: the box, class and mask jobs.
    assertThat(back.annotations()).hasSize(3);
    MaskValue mask =
        (MaskValue)
            back.annotations().stream()
                .flatMap(a -> a.results().stream())
                .filter(r -> r.field().equals(SageMakerImageFormat.MASK))
                .findFirst()
                .orElseThrow()
                .value();
    assertThat(mask.mask().toBitmap()).containsExactly(sky);
  }
}
