package org.annotationkit.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of formats by name: the ones installed ({@link ServiceLoader}), or any given list.
 *
 * <p>Immutable and thread-safe. Names are unique within a registry.
 *
 * @since 0.1.0
 */
public final class Formats {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Map<String, Format> byName;

  private Formats(List<? extends Format> formats) {
    Map<String, Format> map = new LinkedHashMap<>();
    for (Format format : formats) {
      Objects.requireNonNull(format, "format");
      String name = format.name();
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "format name '"
                + name
                + "' of "
                + format.getClass().getName()
                + " must be lower case letters and digits, in words joined by '-'");
      }
      Format earlier = map.putIfAbsent(name, format);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "two formats are named '"
                + name
                + "': "
                + earlier.getClass().getName()
                + " and "
                + format.getClass().getName());
      }
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /**
   * The formats installed: every {@link Format} that {@link ServiceLoader} finds for this module
   * (the ones of Annotation Kit and those of other modules or jars on the class path), in name
   * order.
   *
   * @return the registry
   * @throws IllegalArgumentException if two installed formats have the same name
   */
  public static Formats installed() {
    List<Format> found = new ArrayList<>();
    ServiceLoader.load(Format.class).forEach(found::add);
    found.sort((a, b) -> a.name().compareTo(b.name()));
    return new Formats(found);
  }

  /**
   * A registry of the given formats.
   *
   * @param formats the formats, in the order to list them
   * @return the registry
   * @throws IllegalArgumentException if two have the same name, or a name is not lower case words
   *     joined by hyphens
   */
  public static Formats of(List<? extends Format> formats) {
    return new Formats(List.copyOf(formats));
  }

  /**
   * Every format, in the registry's order.
   *
   * @return the formats
   */
  public List<Format> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The format of a name.
   *
   * @param name the name
   * @return the format, or empty
   */
  public Optional<Format> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The format of a name, which must exist.
   *
   * @param name the name
   * @return the format
   * @throws IllegalArgumentException naming the formats there are, when there is none of that name
   */
  public Format get(String name) {
    Format format = byName.get(name);
    if (format == null) {
      throw new IllegalArgumentException(
          "no format is named '"
              + name
              + "'; the formats are "
              + String.join(", ", byName.keySet()));
    }
    return format;
  }

  /**
   * The format {@code input} is in: the one format that is {@linkplain Format.Detection#CERTAIN
   * certain}, or else the one that finds it {@linkplain Format.Detection#POSSIBLE possible}.
   *
   * @param input a file or folder
   * @return the format
   * @throws FormatDetectionException if no format recognises the input, or more than one does
   *     equally, listing them
   * @throws java.io.UncheckedIOException if the input cannot be looked at
   */
  public Format detect(Path input) {
    Objects.requireNonNull(input, "input");
    if (!Files.exists(input)) {
      throw new FormatDetectionException(
          "cannot tell the format of " + input + ": it does not exist", List.of());
    }
    List<Format> certain = new ArrayList<>();
    List<Format> possible = new ArrayList<>();
    for (Format format : byName.values()) {
      switch (format.detect(input)) {
        case CERTAIN -> certain.add(format);
        case POSSIBLE -> possible.add(format);
        case NO -> {}
      }
    }
    List<Format> best = certain.isEmpty() ? possible : certain;
    if (best.size() == 1) {
      return best.get(0);
    }
    if (best.isEmpty()) {
      throw new FormatDetectionException(
          "cannot tell the format of "
              + input
              + ": no format recognises it; name it"
              + " (the formats are "
              + String.join(", ", byName.keySet())
              + ")",
          List.of());
    }
    String names = best.stream().map(Format::name).collect(Collectors.joining(", "));
    throw new FormatDetectionException(
        "cannot tell the format of " + input + ": it could be " + names + "; name it", best);
  }

  @Override
  public String toString() {
    return "Formats" + byName.keySet();
  }
}
