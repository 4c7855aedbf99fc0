package org.annotationkit.formats.cvat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvatImagesFormatTest {
  @TempDir Path dir;

  private final CvatImagesFormat format = new CvatImagesFormat();

  private Path fixture() throws IOException {
    Path file = dir.resolve("train.xml");
    try (InputStream in = getClass().getResourceAsStream("/cvat/cvat_for_images_train.xml")) {
      Files.copy(in, file);
    }
    return file;
  }

  private Dataset read(Path file, ConversionContext context) {
    try (var source = format.reader().orElseThrow().open(file, context)) {
      return Dataset.of(source);
    }
  }

  @Test
  void readsTheDatumaroExport() throws IOException {
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(fixture(), context);
    assertThat(dataset.schema().fields().stream().map(f -> f.name()))
        .containsExactly("box", "keypoints"); // the polygon and polyline have no label
    assertThat(
            dataset.schema().field("box").orElseThrow().labels().all().stream().map(l -> l.name()))
        .containsExactly("label1", "label2");
    assertThat(dataset.items()).hasSize(2);
    List<Result> first = dataset.annotationsOf("img0.jpg").get(0).results();
    // The box xtl=0 ytl=2 xbr=4 ybr=4: x 0, y 2, width 4, height 2.
    BoxValue box = (BoxValue) first.get(0).value();
    assertThat(box.box()).isEqualTo(Box.of(0, 2, 4, 2));
    assertThat(box.attributes())
        .containsEntry("a1", AttributeValue.of(true))
        .containsEntry("a2", AttributeValue.of("v3"))
        .containsEntry("a3", AttributeValue.of("0003"))
        .containsEntry("a4", AttributeValue.of(2.4))
        .containsEntry("occluded", AttributeValue.of(true))
        .containsEntry("z_order", AttributeValue.of(1.0));
    // The unlabeled polyline and polygon are skipped and reported.
    assertThat(first).hasSize(1);
    assertThat(context.report().lossCounts()).containsEntry("shape without a label skipped", 2L);
    KeypointsValue points =
        (KeypointsValue) dataset.annotationsOf("img1.jpg").get(0).results().get(0).value();
    assertThat(points.points()).hasSize(3);
    assertThat(points.points().get(2).x()).isEqualTo(5);
  }

  @Test
  void rotatedBoxIsAboutTheCentre() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("r.xml"),
            "<annotations><version>1.1</version><image id=\"0\" name=\"a.jpg\" width=\"100\""
                + " height=\"100\"><box label=\"car\" xtl=\"10\" ytl=\"20\" xbr=\"30\" ybr=\"60\""
                + " rotation=\"90\" occluded=\"0\" z_order=\"0\"/></image></annotations>");
    Dataset dataset = read(file, ConversionContext.of(FormatOptions.none()));
    Box box = ((BoxValue) dataset.annotations().get(0).results().get(0).value()).box();
    // Centre (20, 40); 20 x 40 turned by 90 degrees spans x 0..40 and y 30..50 (by hand).
    assertThat(box.bounds().x()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(box.bounds().y()).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(box.bounds().width()).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(box.bounds().height()).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
    List<Point> corners = box.corners();
    assertThat(corners).hasSize(4);
  }

  @Test
  void maskRunsAreRowMajorOverTheirBox() throws IOException {
    // Box left 1, top 1, 3 x 2: runs 1 unset, 4 set, 1 unset -> row 1: columns 2, 3; row 2:
    // columns 1, 2.
    Path file =
        Files.writeString(
            dir.resolve("m.xml"),
            "<annotations><image id=\"0\" name=\"a.jpg\" width=\"5\" height=\"4\"><mask"
                + " label=\"x\" rle=\"1, 4, 1\" left=\"1\" top=\"1\" width=\"3\" height=\"2\""
                + " occluded=\"0\" z_order=\"0\"/></image></annotations>");
    Dataset dataset = read(file, ConversionContext.of(FormatOptions.none()));
    MaskValue mask = (MaskValue) dataset.annotations().get(0).results().get(0).value();
    boolean[] bitmap = mask.mask().toBitmap();
    assertThat(mask.mask().area()).isEqualTo(4);
    assertThat(bitmap[1 * 5 + 2]).isTrue();
    assertThat(bitmap[1 * 5 + 3]).isTrue();
    assertThat(bitmap[2 * 5 + 1]).isTrue();
    assertThat(bitmap[2 * 5 + 2]).isTrue();
    assertThat(CvatRle.encode(mask.mask()).orElseThrow())
        .isEqualTo(new CvatRle.Encoded("1, 4, 1", 1, 1, 3, 2));
  }

  @Test
  void roundTripThroughCanonicalIsLossless() throws IOException {
    Path input = fixture();
    Dataset first = read(input, ConversionContext.of(FormatOptions.none()));
    Path canonical = dir.resolve("c.jsonl");
    Converter.convert(format, new CanonicalFormat(), input, canonical, FormatOptions.none());
    Path back = dir.resolve("back.xml");
    Converter.convert(new CanonicalFormat(), format, canonical, back, FormatOptions.none());
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset again = read(back, context);
    assertThat(context.report().lossless()).isTrue();
    assertThat(again.items()).isEqualTo(first.items());
    assertThat(again.annotations()).isEqualTo(first.annotations());
  }

  @Test
  void errorsNameTheLine() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.xml"),
            "<annotations>\n<image id=\"0\" name=\"a.jpg\" width=\"5\" height=\"4\">\n"
                + "<box label=\"x\" xtl=\"one\" ytl=\"0\" xbr=\"1\" ybr=\"1\"/>\n"
                + "</image></annotations>");
    assertThatThrownBy(() -> read(file, ConversionContext.of(FormatOptions.none())))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("xtl")
        .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(3));
  }

  @Test
  void refusesADoctype() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dtd.xml"),
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><annotations/>");
    assertThatThrownBy(() -> read(file, ConversionContext.of(FormatOptions.none())))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void isInstalledAndDetected() throws IOException {
    assertThat(Formats.installed().get("cvat")).isInstanceOf(CvatImagesFormat.class);
    assertThat(format.detect(fixture())).isEqualTo(CvatImagesFormat.Detection.CERTAIN);
    assertThat(Map.of()).isEmpty();
  }
}
