package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.Label;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.coco.CocoFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SageMaker Ground Truth image manifests of the developer guide's "Labeling job output data"
 * page (awsdocs/amazon-sagemaker-developer-guide {@code doc_source/sms-data-output.md}, commit
 * 10864851), each example joined onto one line as the real output has it.
 */
class SageMakerImageFormatTest {
  private static final Format SAGEMAKER = new SageMakerImageFormat();

  @TempDir Path dir;

  /** "Bounding Box Job Output", the adjustment example: a labeling job and its adjustment. */
  static final String BOXES =
      """
      {"source-ref": "s3://AWSDOC-EXAMPLE-BUCKET/example_image.png", "bounding-box": \
      {"image_size": [{"width": 500, "height": 400, "depth": 3}], "annotations": [\
      {"class_id": 0, "left": 111, "top": 134, "width": 61, "height": 128}, \
      {"class_id": 5, "left": 161, "top": 250, "width": 30, "height": 30}, \
      {"class_id": 5, "left": 20, "top": 20, "width": 30, "height": 30}]}, \
      "bounding-box-metadata": {"objects": [{"confidence": 0.8}, {"confidence": 0.9}, \
      {"confidence": 0.9}], "class-map": {"0": "dog", "5": "bone"}, \
      "type": "groundtruth/object-detection", "human-annotated": "yes", \
      "creation-date": "2018-10-18T22:18:13.527256", "job-name": "identify-dogs-and-toys"}, \
      "adjusted-bounding-box": {"image_size": [{"width": 500, "height": 400, "depth": 3}], \
      "annotations": [{"class_id": 0, "left": 110, "top": 135, "width": 61, "height": 128}, \
      {"class_id": 5, "left": 161, "top": 250, "width": 30, "height": 30}, \
      {"class_id": 5, "left": 10, "top": 10, "width": 30, "height": 30}]}, \
      "adjusted-bounding-box-metadata": {"objects": [{"confidence": 0.8}, {"confidence": 0.9}, \
      {"confidence": 0.9}], "class-map": {"0": "dog", "5": "bone"}, \
      "type": "groundtruth/object-detection", "human-annotated": "yes", \
      "creation-date": "2018-11-20T22:18:13.527256", \
      "job-name": "adjust-bounding-boxes-on-dogs-and-toys", "adjustment-status": "adjusted"}}
      """;

  /** "Classification Job Output" (image) and "Multi-label Classification Job Output" (image). */
  static final String CLASSES =
      """
      {"source-ref":"s3://AWSDOC-EXAMPLE-BUCKET/example_image.jpg","species":"0",\
      "species-metadata":{"class-name": "dog","confidence": 0.00,\
      "type": "groundtruth/image-classification","job-name": "identify-animal-species",\
      "human-annotated": "yes","creation-date": "2018-10-18T22:18:13.527256"}}
      {"source-ref": "s3://AWSDOC-EXAMPLE-BUCKET/example_image2.jpg",\
      "image-label-attribute-name":[1,0,8],"image-label-attribute-name-metadata":\
      {"job-name":"labeling-job/image-label-attribute-name","class-map":\
      {"1":"bicycle","0":"person","8":"clothing"},"human-annotated":"yes",\
      "creation-date":"2020-02-27T21:36:25.000201","confidence-map":{"1":0.95,"0":0.77,"8":0.2},\
      "type":"groundtruth/image-classification-multilabel"}}
      {"source":"The food was delicious","mood":"1","mood-metadata":{"class-name": "positive",\
      "confidence": 0.8,"type": "groundtruth/text-classification","job-name": "label-sentiment"}}
      """;

  /**
   * "Semantic Segmentation Job Output", with the verification job, less the example's stray commas
   * (the page's JSON has a comma before two closing braces); the PNG is written beside.
   */
  static final String SEGMENTATION =
      """
      {"source-ref": "s3://AWSDOC-EXAMPLE-BUCKET/example_city_image.png",\
      "city-streets-ref": "s3://AWSDOC-EXAMPLE-BUCKET/output/city_label.png",\
      "city-streets-ref-metadata": {"internal-color-map": {\
      "0": {"class-name": "BACKGROUND", "confidence": 0.9, "hex-color": "#ffffff"},\
      "1": {"class-name": "buildings", "confidence": 0.9, "hex-color": "#2acf59"},\
      "2": {"class-name": "road", "confidence": 0.9, "hex-color": "#f28333"}},\
      "type": "groundtruth/semantic-segmentation", "human-annotated": "no",\
      "creation-date": "2018-10-18T22:18:13.527256", "job-name": "label-city-streets"},\
      "verify-city-streets-ref":"1", "verify-city-streets-ref-metadata": {"class-name": "bad",\
      "confidence": 0.93, "type": "groundtruth/label-verification",\
      "job-name": "verify-city-streets", "human-annotated": "yes",\
      "creation-date": "2018-11-20T22:18:13.527256", "worker-feedback": [\
      {"comment": "The mask on the leftmost building is assigned the wrong side of the road."}]}}
      """;

  /**
   * A 4 x 2 RGB PNG from the independent encoder of {@code PngTest}: white, buildings, road, road /
   * buildings, white, #010203 (a colour the map does not name), buildings.
   */
  static final String SEGMENTATION_PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAE3RFWHRDb21tZW50AHRlc3QgdmVjdG9y8aZwzQAAAA5J"
          + "REFUeJxj+P//v9b5yE/NxkCBTBKVAAAAD0lEQVTEAGQB+YxMzEAGAMRTDUcmiOAFAAAAAElFTkSuQmCC";

  static Dataset read(Path input, ConversionContext context) {
    try (DatasetSource source = SAGEMAKER.reader().orElseThrow().open(input, context)) {
      return Dataset.of(source);
    }
  }

  private static List<String> labels(Dataset dataset, String field) {
    return dataset.schema().field(field).orElseThrow().labels().all().stream()
        .map(Label::name)
        .toList();
  }

  @Test
  void boundingBoxJobAndItsAdjustment() throws IOException {
    Path manifest = Files.writeString(dir.resolve("output.manifest"), BOXES);
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(manifest, context);
    assertThat(context.report().losses()).isEmpty();
    ImageItem image = (ImageItem) dataset.items().get(0);
    assertThat(image.id()).isEqualTo("s3://AWSDOC-EXAMPLE-BUCKET/example_image.png");
    assertThat(image.width()).isEqualTo(500);
    assertThat(image.height()).isEqualTo(400);
    assertThat(dataset.schema().fields()).extracting(Field::name).containsExactly("box");
    assertThat(labels(dataset, "box")).containsExactly("dog", "bone");

    List<Annotation> annotations = dataset.annotations();
    assertThat(annotations)
        .extracting(Annotation::annotatorId)
        .containsExactly("identify-dogs-and-toys", "adjust-bounding-boxes-on-dogs-and-toys");
    Annotation first = annotations.get(0);
    assertThat(first.createdAt()).hasValue(Instant.parse("2018-10-18T22:18:13.527256Z"));
    assertThat(first.results()).hasSize(3);
    Result box = first.results().get(0);
    assertThat(box.value()).isEqualTo(new BoxValue("dog", Box.of(111, 134, 61, 128)));
    assertThat(box.score()).hasValue(0.8);
    assertThat(annotations.get(1).results().get(2).value())
        .isEqualTo(new BoxValue("bone", Box.of(10, 10, 30, 30)));

    // SageMaker's boxes are COCO's: converted as they are.
    Path coco = dir.resolve("coco.json");
    Converter.convert(SAGEMAKER, new CocoFormat(), manifest, coco, FormatOptions.none());
    assertThat(Files.readString(coco)).contains("\"bbox\":[111.0,134.0,61.0,128.0]");
  }

  @Test
  void singleAndMultiLabelClassification() throws IOException {
    Path manifest = Files.writeString(dir.resolve("output.manifest"), CLASSES);
    Path sizes =
        Files.writeString(
            dir.resolve("sizes.csv"),
            "file_name,width,height\nexample_image.jpg,64,48\nexample_image2.jpg,32,32\n");
    Dataset dataset = read(manifest, ConversionContext.of(FormatOptions.none().withSizes(sizes)));
    assertThat(dataset.items()).hasSize(2);
    assertThat(labels(dataset, "class")).containsExactly("dog");
    // Ordered by class id: 0 person, 1 bicycle, 8 clothing.
    assertThat(labels(dataset, "tags")).containsExactly("person", "bicycle", "clothing");
    Annotation species = dataset.annotations().get(0);
    assertThat(species.results().get(0).value()).isEqualTo(new ChoiceValue("dog"));
    assertThat(species.results().get(0).score()).hasValue(0.0);
    Annotation multi = dataset.annotations().get(1);
    assertThat(multi.results().get(0).value())
        .isEqualTo(MultipleChoiceValue.of("bicycle", "person", "clothing"));
  }

  @Test
  void lossesOfClassificationAreReported() throws IOException {
    Path manifest = Files.writeString(dir.resolve("output.manifest"), CLASSES);
    Path sizes =
        Files.writeString(
            dir.resolve("sizes.csv"),
            "file_name,width,height\nexample_image.jpg,64,48\nexample_image2.jpg,32,32\n");
    ConversionContext context = ConversionContext.of(FormatOptions.none().withSizes(sizes));
    read(manifest, context);
    assertThat(context.report().losses())
        .extracting(Loss::what)
        .containsExactly("confidences dropped", "line skipped");
    assertThat(context.report().losses().get(1).object().line()).hasValue(3);
  }

  @Test
  void semanticSegmentationFromThePngBesideTheManifest() throws IOException {
    Path manifest = Files.writeString(dir.resolve("output.manifest"), SEGMENTATION);
    // Without the PNG, nothing gives the image's size.
    assertThatThrownBy(() -> read(manifest, ConversionContext.of(FormatOptions.none())))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("output.manifest:1")
        .hasMessageContaining("example_city_image.png is unknown");
    Path sizes =
        Files.writeString(
            dir.resolve("sizes.csv"), "file_name,width,height\nexample_city_image.png,4,2\n");
    ConversionContext context = ConversionContext.of(FormatOptions.none().withSizes(sizes));
    Dataset missing = read(manifest, context);
    assertThat(context.report().losses()).extracting(Loss::what).contains("segmentation skipped");
    assertThat(missing.annotations()).hasSize(1); // the verification

    Files.write(dir.resolve("city_label.png"), Base64.getDecoder().decode(SEGMENTATION_PNG));
    context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(manifest, context);
    assertThat(context.report().losses()).extracting(Loss::what).containsExactly("pixels dropped");
    ImageItem image = (ImageItem) dataset.items().get(0);
    assertThat(image.width()).isEqualTo(4);
    assertThat(labels(dataset, "mask")).containsExactly("buildings", "road");
    assertThat(labels(dataset, "verification")).containsExactly("bad");
    Annotation segmentation =
        dataset.annotations().stream()
            .filter(a -> a.annotatorId().equals("label-city-streets"))
            .findFirst()
            .orElseThrow();
    assertThat(segmentation.origin()).isInstanceOf(Origin.Model.class);
    MaskValue buildings = (MaskValue) segmentation.results().get(0).value();
    assertThat(buildings.label()).isEqualTo("buildings");
    assertThat(buildings.mask().toBitmap())
        .containsExactly(false, true, false, false, true, false, false, true);
    MaskValue road = (MaskValue) segmentation.results().get(1).value();
    assertThat(road.mask().area()).isEqualTo(2);
    assertThat(segmentation.results().get(0).score()).hasValue(0.9);
  }

  @Test
  void malformedLinesNameTheLineAndPointer() throws IOException {
    String[][] cases = {
      {
        "{\"source-ref\": \"a.jpg\", \"b\": {\"image_size\": [{\"width\": 5, \"height\": 5}],"
            + " \"annotations\": [{\"class_id\": 3, \"left\": 0, \"top\": 0, \"width\": 1,"
            + " \"height\": 1}]}, \"b-metadata\": {\"class-map\": {\"0\": \"x\"},"
            + " \"type\": \"groundtruth/object-detection\"}}",
        ":1 at /b/annotations/0/class_id",
        "not in the metadata's class-map"
      },
      {
        "\n{\"source-ref\": \"a.jpg\", \"b\": {\"image_size\": [{\"width\": 5, \"height\": 5}],"
            + " \"annotations\": [{\"class_id\": 0, \"left\": 0, \"top\": 0, \"width\": -1,"
            + " \"height\": 1}]}, \"b-metadata\": {\"class-map\": {\"0\": \"x\"},"
            + " \"type\": \"groundtruth/object-detection\"}}",
        ":2 at /b/annotations/0",
        "must be >= 0"
      },
      {
        "{\"source-ref\": \"a.jpg\", \"c\": 0, \"c-metadata\": {\"class-name\": \"x\","
            + " \"type\": \"groundtruth/image-classification\"}}",
        ":1",
        "the size of the image a.jpg is unknown"
      },
      {"{\"source-ref\": \"a.jpg\"", ":1", "malformed JSON"},
    };
    for (String[] c : cases) {
      Path manifest = Files.writeString(dir.resolve("m.manifest"), c[0]);
      assertThatThrownBy(() -> read(manifest, ConversionContext.of(FormatOptions.none())))
          .as(c[0])
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("m.manifest" + c[1])
          .hasMessageContaining(c[2]);
    }
  }

  @Test
  void isFoundAndDetected() throws IOException {
    assertThat(Formats.installed().find("sagemaker"))
        .get()
        .isInstanceOf(SageMakerImageFormat.class);
    Path manifest = Files.writeString(dir.resolve("output.manifest"), BOXES);
    assertThat(SAGEMAKER.detect(manifest)).isEqualTo(Format.Detection.CERTAIN);
    assertThat(new SageMakerNerFormat().detect(manifest)).isEqualTo(Format.Detection.NO);
  }
}
