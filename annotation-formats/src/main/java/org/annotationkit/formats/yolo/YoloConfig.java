package org.annotationkit.formats.yolo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.internal.IoMessages;

/**
 * What a YOLO dataset's configuration says: the class names (Ultralytics {@code data.yaml} {@code
 * names}, as a list or a map from index to name, or Darknet's {@code obj.names}, one per line), the
 * split folders, and for pose the keypoint shape and names.
 *
 * @param names the class names by index
 * @param source the file the names come from, for errors
 * @param splits the split entries ({@code train}, {@code val}, {@code test}) as given
 * @param kptCount the number of keypoints per object ({@code kpt_shape[0]}), if given
 * @param kptDims 2 or 3 ({@code kpt_shape[1]}), or 0 when no shape is given
 * @param kptNames the keypoint names ({@code kpt_names} of class 0), if given
 * @param namesLine the line of {@code names} in a YAML file, or 0
 * @param kptNamesLine the line of {@code kpt_names}, or 0
 */
record YoloConfig(
    List<String> names,
    String source,
    Map<String, List<String>> splits,
    OptionalInt kptCount,
    int kptDims,
    Optional<List<String>> kptNames,
    int namesLine,
    int kptNamesLine) {

  YoloConfig {
    names = List.copyOf(names);
    splits = Map.copyOf(splits);
    kptNames = kptNames.map(List::copyOf);
  }

  /** The limit on a class index, so that a map of names cannot ask for a huge list. */
  static final int MAX_CLASSES = 1 << 20;

  /** The limit on the keypoints of an object. */
  static final int MAX_KEYPOINTS = 1 << 12;

  static String read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > 16 << 20) {
        throw FormatException.at(
            "the file is larger than 16 MB; it is not a dataset configuration",
            FormatException.Location.of(file.toString(), 0, 0));
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /**
   * Reads an Ultralytics {@code data.yaml}.
   *
   * @param file the file
   * @return the configuration
   * @throws FormatException naming the file and line of what is wrong
   */
  static YoloConfig ofYaml(Path file) {
    String source = file.toString();
    String text = read(file);
    Object root = MiniYaml.parse(source, text);
    if (!(root instanceof Map<?, ?> map)) {
      throw error(source, "a dataset YAML is a mapping of keys (names, train, val, ...)");
    }
    Object names = map.get("names");
    if (names == null) {
      throw error(source, "the dataset YAML has no 'names' (the class names, a list or a map)");
    }
    List<String> list = names(source, lineOf(text, "names"), names, "names");
    Object nc = map.get("nc");
    if (nc instanceof String ncText && !ncText.isEmpty()) {
      int count = integer(source, lineOf(text, "nc"), ncText, "nc");
      if (count != list.size()) {
        throw error(
            source,
            lineOf(text, "nc"),
            "'nc' is " + count + " but 'names' gives " + list.size() + " class names");
      }
    }
    java.util.LinkedHashMap<String, List<String>> splits = new java.util.LinkedHashMap<>();
    for (String split : List.of("train", "val", "test")) {
      Object value = map.get(split);
      if (value instanceof String path && !path.isEmpty()) {
        splits.put(split, List.of(path));
      } else if (value instanceof List<?> items) {
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
          if (!(item instanceof String path)) {
            throw error(
                source, lineOf(text, split), "'" + split + "' must be a path or a list of paths");
          }
          texts.add(path);
        }
        splits.put(split, texts);
      }
    }
    OptionalInt kptCount = OptionalInt.empty();
    int kptDims = 0;
    Object shape = map.get("kpt_shape");
    int shapeLine = lineOf(text, "kpt_shape");
    if (shape != null && !"".equals(shape)) {
      if (!(shape instanceof List<?> pair) || pair.size() != 2) {
        throw error(source, shapeLine, "'kpt_shape' must be [number of keypoints, 2 or 3]");
      }
      int count = integer(source, shapeLine, String.valueOf(pair.get(0)), "kpt_shape[0]");
      int dims = integer(source, shapeLine, String.valueOf(pair.get(1)), "kpt_shape[1]");
      if (count < 1 || count > MAX_KEYPOINTS) {
        throw error(
            source,
            shapeLine,
            "'kpt_shape[0]' must be 1 to " + MAX_KEYPOINTS + " keypoints, found " + count);
      }
      if (dims != 2 && dims != 3) {
        throw error(
            source,
            shapeLine,
            "'kpt_shape[1]' must be 2 (x y) or 3 (x y visibility), found " + dims);
      }
      kptCount = OptionalInt.of(count);
      kptDims = dims;
    }
    Optional<List<String>> kptNames = Optional.empty();
    Object kpt = map.get("kpt_names");
    if (kpt instanceof Map<?, ?> byClass && !byClass.isEmpty()) {
      // Ultralytics gives the names per class; one list serves every class here.
      Object first =
          byClass.containsKey("0") ? byClass.get("0") : byClass.values().iterator().next();
      kptNames = Optional.of(names(source, lineOf(text, "kpt_names"), first, "kpt_names"));
    } else if (kpt instanceof List<?>) {
      kptNames = Optional.of(names(source, lineOf(text, "kpt_names"), kpt, "kpt_names"));
    }
    if (kptNames.isPresent()
        && kptCount.isPresent()
        && kptNames.get().size() != kptCount.getAsInt()) {
      throw error(
          source,
          lineOf(text, "kpt_names"),
          "'kpt_names' gives "
              + kptNames.get().size()
              + " names but 'kpt_shape' says "
              + kptCount.getAsInt()
              + " keypoints");
    }
    return new YoloConfig(
        list,
        source,
        splits,
        kptCount,
        kptDims,
        kptNames,
        lineOf(text, "names"),
        lineOf(text, "kpt_names"));
  }

  /**
   * Reads a Darknet names file ({@code obj.names}, {@code classes.txt}): one name per line; blank
   * lines at the end are ignored, a blank line between names is an error (it would shift every
   * index after it).
   *
   * @param file the file
   * @return the configuration
   */
  static YoloConfig ofNames(Path file) {
    String source = file.toString();
    String text = read(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    int last = lines.length;
    while (last > 0 && lines[last - 1].isBlank()) {
      last--;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      String name = lines[i].strip();
      if (name.isEmpty()) {
        throw FormatException.at(
            "the class name of index " + i + " is empty; each line names one class",
            FormatException.Location.of(source, i + 1, 0));
      }
      names.add(name);
    }
    if (names.isEmpty()) {
      throw error(source, "the names file names no class");
    }
    return new YoloConfig(names, source, Map.of(), OptionalInt.empty(), 0, Optional.empty(), 0, 0);
  }

  /** The names of a list, or of a map from index 0..n-1 to name. */
  private static List<String> names(String source, int line, Object value, String key) {
    List<String> names = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (!(item instanceof String name) || name.isEmpty()) {
          throw error(source, line, "'" + key + "' must hold non-empty names, found " + item);
        }
        names.add(name);
      }
    } else if (value instanceof Map<?, ?> map) {
      String[] byIndex = new String[map.size()];
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        int index = integer(source, line, String.valueOf(entry.getKey()), key + " index");
        if (index < 0 || index >= map.size()) {
          throw error(
              source,
              line,
              "'"
                  + key
                  + "' maps indices 0 to "
                  + (map.size() - 1)
                  + " to names; the index "
                  + index
                  + " leaves a gap");
        }
        if (!(entry.getValue() instanceof String name) || name.isEmpty()) {
          throw error(source, line, "'" + key + "' index " + index + " has no name");
        }
        byIndex[index] = name;
      }
      names.addAll(List.of(byIndex));
    } else {
      throw error(
          source, line, "'" + key + "' must be a list of names or a map from index to name");
    }
    if (names.isEmpty()) {
      throw error(source, line, "'" + key + "' names nothing");
    }
    return names;
  }

  private static int integer(String source, int line, String text, String what) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw error(source, line, "'" + what + "' must be an integer, found '" + text + "'");
    }
  }

  /** The 1-based line of a top-level key of a YAML text, or 0 when it has none. */
  static int lineOf(String text, String key) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(key) && line.substring(key.length()).stripLeading().startsWith(":")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static FormatException error(String source, String problem) {
    return error(source, 0, problem);
  }

  private static FormatException error(String source, int line, String problem) {
    return FormatException.at(problem, FormatException.Location.of(source, line, 0));
  }
}
