package org.annotationkit.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * What a conversion did: how many images (or other items) and annotations it wrote, and every loss.
 *
 * <p>{@link #writeJson(OutputStream)} gives the command line's {@code REPORT.json}:
 *
 * <pre>{@code
 * {"converted": {"images": 2, "annotations": 7},
 *  "losses": [{"object": {"image": "a.jpg", "annotation": "17"},
 *              "what": "rotation dropped", "reason": "..."}],
 *  "loss_counts": {"rotation dropped": 1},
 *  "losses_omitted": 0}
 * }</pre>
 *
 * <p>The {@code object} keys ({@code "image"}, {@code "item"}, {@code "annotation"}, {@code
 * "line"}, {@code "span"}) are present as they apply. A conversion keeps each loss up to a limit
 * (see {@link ConversionContext}); past it, losses are only counted: {@code loss_counts} counts
 * every loss by its {@code what}, kept or not, and {@code losses_omitted} says how many were not
 * kept.
 *
 * @param images the images (or other items) written
 * @param annotations the annotations written, counted as the target format counts them (one per
 *     object, region or span)
 * @param losses the losses kept, in the order they happened
 * @param lossCounts every loss counted by its {@link Loss#what() what}, in the order first seen
 * @param omitted how many losses were counted but not kept
 * @since 0.1.0
 */
public record ConversionReport(
    long images, long annotations, List<Loss> losses, Map<String, Long> lossCounts, long omitted) {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** Checks and copies the parts. */
  public ConversionReport {
    if (images < 0 || annotations < 0 || omitted < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    losses = List.copyOf(losses);
    lossCounts = Collections.unmodifiableMap(new LinkedHashMap<>(lossCounts));
  }

  /**
   * Whether the conversion lost nothing.
   *
   * @return true when there is no loss, kept or omitted
   */
  public boolean lossless() {
    return lossCounts.isEmpty();
  }

  /**
   * The number of losses, kept or omitted.
   *
   * @return the count
   */
  public long lossCount() {
    return losses.size() + omitted;
  }

  /**
   * Writes the report as JSON, in the layout of the class description, UTF-8, on one line followed
   * by a line break.
   *
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeJson(OutputStream out) {
    Objects.requireNonNull(out, "out");
    try (JsonGenerator json =
        JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeName("converted");
      json.writeStartObject();
      json.writeNumberProperty("images", images);
      json.writeNumberProperty("annotations", annotations);
      json.writeEndObject();
      json.writeName("losses");
      json.writeStartArray();
      for (Loss loss : losses) {
        json.writeStartObject();
        json.writeName("object");
        json.writeStartObject();
        LossObject object = loss.object();
        object.image().ifPresent(v -> json.writeStringProperty("image", v));
        object.item().ifPresent(v -> json.writeStringProperty("item", v));
        object.annotation().ifPresent(v -> json.writeStringProperty("annotation", v));
        object.line().ifPresent(v -> json.writeNumberProperty("line", v));
        object.span().ifPresent(v -> json.writeStringProperty("span", v));
        json.writeEndObject();
        json.writeStringProperty("what", loss.what());
        json.writeStringProperty("reason", loss.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeName("loss_counts");
      json.writeStartObject();
      for (Map.Entry<String, Long> count : lossCounts.entrySet()) {
        json.writeNumberProperty(count.getKey(), count.getValue());
      }
      json.writeEndObject();
      json.writeNumberProperty("losses_omitted", omitted);
      json.writeEndObject();
    } catch (tools.jackson.core.JacksonException e) {
      throw new UncheckedIOException(
          "cannot write the report: " + e.getMessage(), new IOException(e));
    }
    try {
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
  }
}
