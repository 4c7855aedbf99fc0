package org.annotationkit.formats.nlp;

import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * ASR manifests as NeMo reads them, {@code asr-manifest}: JSON Lines {@code {"audio_filepath",
 * "duration", "text"}} with an optional {@code "offset"} (seconds into the file where the segment
 * starts; {@code duration} is then the segment's).
 *
 * <p>Reading: each line is an {@link AudioItem} (id {@code audio_filepath}, with {@code @offset}
 * when there is an offset; its duration the line's) with one annotation (annotator {@code
 * asr-manifest}) of a {@link TranscriptionValue} in the field {@code transcription}. Writing: a
 * transcription of the whole item gives a line without offset; a transcription of a time segment
 * (its {@code target}) gives a line with the segment's start as offset and its length as duration.
 * Audio without a transcription, and other items and results, are skipped and reported. Other keys
 * of a line (a speaker, a language) are kept in the item's metadata.
 *
 * @since 0.1.0
 */
public final class AsrManifestFormat extends FileFormat {
  static final String FIELD = "transcription";
  private static final Pattern KEYS = Pattern.compile("^\\{[^\\n]*\"audio_filepath\"");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public AsrManifestFormat() {
    super(
        "asr-manifest",
        "ASR manifests (NeMo JSON Lines: audio_filepath, duration, text, optional offset)",
        List.of(),
        jsonRecords("asr", false, AsrManifestFormat::convert),
        AsrManifestFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, false, KEYS, Detection.CERTAIN);
  }

  static List<DatasetEntry> convert(Node record, int index, ConversionContext context) {
    if (!record.isObject()) {
      throw record.error("expected a manifest line (a JSON object)");
    }
    Node path = record.need("audio_filepath");
    String file = path.string();
    if (file.isEmpty()) {
      throw path.error("audio_filepath is empty");
    }
    Node durationNode = record.need("duration");
    double duration = durationNode.number();
    if (duration <= 0) {
      throw durationNode.error("the duration must be > 0 seconds, got " + duration);
    }
    Optional<Node> offsetNode = record.get("offset");
    String id = file;
    Map<String, String> metadata = new java.util.TreeMap<>();
    if (offsetNode.isPresent()) {
      double offset = offsetNode.get().number();
      if (offset < 0) {
        throw offsetNode.get().error("the offset must be >= 0 seconds, got " + offset);
      }
      id = file + "@" + Double.toString(offset);
      metadata.put("offset", Double.toString(offset));
    }
    for (Map.Entry<String, Node> member : record.members().entrySet()) {
      String key = member.getKey();
      Node value = member.getValue();
      if (!List.of("audio_filepath", "duration", "offset", "text").contains(key)
          && !key.isEmpty()
          && (value.isString()
              || value.value() instanceof Number
              || value.value() instanceof Boolean)) {
        metadata.put(key, value.value().toString());
      }
    }
    AudioItem item = new AudioItem(id, uri(path, file), duration, metadata);
    String text = record.need("text").string();
    Annotation.Builder annotation =
        Annotation.builder(Integer.toString(index), id, "asr-manifest")
            .result("t", FIELD, new TranscriptionValue(text));
    return List.of(Texts.entry(item, annotation));
  }

  /** A URI as written ({@code s3://...}), or a relative or absolute path as a URI path. */
  private static URI uri(Node where, String file) {
    try {
      if (SCHEME.matcher(file).matches()) {
        return new URI(file);
      }
      return new URI(null, null, file, null);
    } catch (URISyntaxException e) {
      throw where.error("audio_filepath is neither a path nor a URI: " + e.getMessage());
    }
  }

  /** The path or URI of an item, as a manifest names it. */
  private static String path(AudioItem item) {
    URI uri = item.uri();
    if (uri.getScheme() == null && uri.getPath() != null) {
      return uri.getPath();
    }
    if ("file".equals(uri.getScheme()) && uri.getPath() != null) {
      return uri.getPath();
    }
    return uri.toString();
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource source, Path output, ConversionContext context) {
    Writer out = Texts.utf8(output);
    while (source.hasNext()) {
      DatasetEntry entry = source.next();
      if (!(entry.item() instanceof AudioItem item)) {
        context.lose(
            LossObject.item(entry.item().id()),
            "item skipped",
            "an ASR manifest holds audio, not " + entry.item().kind().jsonName() + " items");
        continue;
      }
      String file = path(item);
      double base = 0;
      String offset = item.metadata().get("offset");
      if (offset != null) {
        try {
          base = Double.parseDouble(offset);
        } catch (NumberFormatException e) {
          base = 0;
        }
      }
      int lines = 0;
      for (Annotation annotation : Texts.usable(entry, context)) {
        Map<String, TimeSegmentValue> segments = new java.util.HashMap<>();
        for (Result result : annotation.results()) {
          if (result.value() instanceof TimeSegmentValue segment) {
            segments.put(result.id(), segment);
          }
        }
        List<String> written = new ArrayList<>();
        for (Result result : annotation.results()) {
          switch (result.value()) {
            case TranscriptionValue transcription -> {
              Optional<String> target = transcription.target();
              TimeSegmentValue segment = target.map(segments::get).orElse(null);
              if (target.isPresent() && segment == null) {
                context.lose(
                    LossObject.item(item.id()).withAnnotation(result.id()),
                    "transcription dropped",
                    "it transcribes region " + target.get() + ", which is not a time segment");
                continue;
              }
              double start = segment == null ? base : base + segment.start();
              double length =
                  segment == null ? item.durationSeconds() : segment.end() - segment.start();
              if (length <= 0) {
                context.lose(
                    LossObject.item(item.id()).withAnnotation(result.id()),
                    "transcription dropped",
                    "its segment is empty");
                continue;
              }
              boolean withOffset = segment != null || offset != null;
              double begin = start;
              written.add(
                  Node.json(out2 -> {
                    out2.writeStartObject();
                    out2.writeName("audio_filepath");
                    out2.writeString(file);
                    out2.writeName("duration");
                    out2.writeNumber(length);
                    if (withOffset) {
                      out2.writeName("offset");
                      out2.writeNumber(begin);
                    }
                    out2.writeName("text");
                    out2.writeString(transcription.text());
                    for (Map.Entry<String, String> m : item.metadata().entrySet()) {
                      if (!m.getKey().equals("offset")) {
                        out2.writeName(m.getKey());
                        out2.writeString(m.getValue());
                      }
                    }
                    out2.writeEndObject();
                  }));
            }
            case TimeSegmentValue segment -> {}
            default ->
                context.lose(
                    LossObject.item(item.id()).withAnnotation(result.id()),
                    "result dropped",
                    "an ASR manifest holds transcriptions, not "
                        + result.value().kind().jsonName()
                        + " results");
          }
        }
        for (String line : written) {
          Texts.line(out, line);
        }
        lines += written.size();
      }
      if (lines == 0) {
        context.lose(
            LossObject.item(item.id()),
            "audio without transcription skipped",
            "a manifest line needs a transcription");
      }
      context.wrote(lines > 0 ? 1 : 0, lines);
    }
    Texts.close(out, output);
  }
}
