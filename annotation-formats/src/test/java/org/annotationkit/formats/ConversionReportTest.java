package org.annotationkit.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionReportTest {

  @Test
  void theJsonHasTheCommandLinesLayoutWithObjectKeysAsTheyApply() {
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    context.wrote(2, 5);
    context.lose(
        LossObject.image("a.jpg").withAnnotation("17"),
        "rotation dropped",
        "YOLO detection boxes are axis-aligned; 30 degrees");
    context.lose(LossObject.line(12), "blank label", "line 12 has no class");
    context.lose(LossObject.item("doc-1").withSpan(3, 9), "span dropped", "overlaps 0-5");
    context.wrote(1, 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    context.report().writeJson(out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"converted\":{\"images\":3,\"annotations\":5},\"losses\":["
                + "{\"object\":{\"image\":\"a.jpg\",\"annotation\":\"17\"},\"what\":\"rotation"
                + " dropped\",\"reason\":\"YOLO detection boxes are axis-aligned; 30 degrees\"},"
                + "{\"object\":{\"line\":12},\"what\":\"blank label\",\"reason\":\"line 12 has no"
                + " class\"},"
                + "{\"object\":{\"item\":\"doc-1\",\"span\":\"3-9\"},\"what\":\"span dropped\","
                + "\"reason\":\"overlaps 0-5\"}],"
                + "\"loss_counts\":{\"rotation dropped\":1,\"blank label\":1,\"span dropped\":1},"
                + "\"losses_omitted\":0}\n");
  }

  @Test
  void pastTheLimitLossesAreCountedNotKept() {
    ConversionContext context = ConversionContext.of(FormatOptions.none(), 3);
    for (int i = 0; i < 10; i++) {
      context.lose(LossObject.image("i" + i), i % 2 == 0 ? "even" : "odd", "number " + i);
    }
    ConversionReport report = context.report();
    assertThat(report.losses())
        .extracting(l -> l.object().image().orElseThrow())
        .containsExactly("i0", "i1", "i2");
    assertThat(report.omitted()).isEqualTo(7);
    assertThat(report.lossCount()).isEqualTo(10);
    assertThat(report.lossCounts()).isEqualTo(Map.of("even", 5L, "odd", 5L));
    assertThat(report.lossless()).isFalse();
  }

  @Test
  void lossesReadAsSentences() {
    Loss loss =
        new Loss(
            LossObject.image("a.jpg").withAnnotation("3").withLine(4),
            "box clipped to the image",
            "x from -2 to 0");
    assertThat(loss)
        .hasToString(
            "image a.jpg, annotation 3, line 4: box clipped to the image (x from -2 to 0)");
    assertThat(LossObject.input()).hasToString("the input");
  }
}
