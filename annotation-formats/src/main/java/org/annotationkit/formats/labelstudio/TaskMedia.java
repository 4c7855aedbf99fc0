package org.annotationkit.formats.labelstudio;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.formats.labelstudio.LabelingConfig.Media;
import org.jspecify.annotations.Nullable;

/**
 * What a task shows, and so which kind of item it becomes: an image, a text, an audio file, or a
 * comparison of responses ({@link Media#LIST}).
 *
 * <p>With a labeling config, the config says ({@link LabelingConfig#media()}). Without one the task
 * says: a {@code pairwise} or {@code ranker} result makes a comparison; a region result of an image
 * type makes an image; a {@code labels} result makes a text when its offsets are whole numbers and
 * the data has a text, else an audio segment; then a data key {@code items} holding a list of
 * objects with ids (a comparison's responses); then the data keys {@code image}, {@code text},
 * {@code audio}, and a first string naming an audio file ({@code .wav}, {@code .mp3}, {@code
 * .flac}, {@code .ogg}, {@code .m4a}, {@code .opus}); else an image, as exports of image projects
 * are the oldest.
 */
final class TaskMedia {
  private static final String[] AUDIO_SUFFIXES = {
    ".wav", ".mp3", ".flac", ".ogg", ".m4a", ".opus", ".aac", ".webm"
  };

  private TaskMedia() {}

  static Media of(RawTask task, @Nullable LabelingConfig config) {
    if (config != null) {
      Optional<Media> media = config.media();
      if (media.isPresent()) {
        return media.get();
      }
    }
    Media fromResults = null;
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      for (RawTask.RawResult result : annotation.results()) {
        Optional<ResultType> type = ResultType.ofJson(result.type());
        if (type.isEmpty()) {
          continue;
        }
        switch (type.get()) {
          case PAIRWISE, RANKER -> {
            return Media.LIST;
          }
          case RECTANGLE_LABELS, POLYGON_LABELS, KEYPOINT_LABELS, BRUSH_LABELS ->
              fromResults = fromResults == null ? Media.IMAGE : fromResults;
          case LABELS -> {
            if (fromResults == null) {
              fromResults = segment(result.value(), task.data()) ? Media.AUDIO : Media.TEXT;
            }
          }
          default -> {}
        }
      }
    }
    if (fromResults != null) {
      return fromResults;
    }
    Map<String, Node> data = task.data();
    Node items = data.get(ExportWriter.ITEMS);
    if (items != null
        && items.type() == Node.Type.ARRAY
        && !items.elements().isEmpty()
        && items.elements().stream().allMatch(i -> i.isObject() && i.get("id").isPresent())) {
      return Media.LIST;
    }
    if (isString(data.get("image"))) {
      return Media.IMAGE;
    }
    if (isString(data.get("text"))) {
      return Media.TEXT;
    }
    if (isString(data.get("audio"))) {
      return Media.AUDIO;
    }
    for (Node value : data.values()) {
      if (isString(value)) {
        return audioFile(value.string()) ? Media.AUDIO : Media.IMAGE;
      }
    }
    return Media.IMAGE;
  }

  /** Whether a {@code labels} value is an audio segment rather than a span of text. */
  private static boolean segment(Node value, Map<String, Node> data) {
    if (!value.isObject()) {
      return false;
    }
    if (value.get("channel").isPresent()) {
      return true;
    }
    for (String key : new String[] {"start", "end"}) {
      Optional<Node> offset = value.get(key);
      if (offset.isPresent()
          && offset.get().type() == Node.Type.NUMBER
          && offset.get().number() != Math.rint(offset.get().number())) {
        return true;
      }
    }
    return !isString(data.get("text")) && isString(data.get("audio"));
  }

  private static boolean isString(@Nullable Node node) {
    return node != null && node.type() == Node.Type.STRING;
  }

  static boolean audioFile(String reference) {
    String lower = reference.toLowerCase(Locale.ROOT);
    int query = lower.indexOf('?');
    if (query >= 0 && !lower.contains("?d=")) {
      lower = lower.substring(0, query);
    }
    for (String suffix : AUDIO_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
