package org.annotationkit.formats;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a conversion is told besides its input and output: the {@code key=value} options, the folder
 * of images (for formats that need image sizes), and a sizes table.
 *
 * <p>Immutable. Values are strings as given; the typed accessors parse them and name the option
 * when a value does not parse.
 *
 * @since 0.1.0
 */
public final class FormatOptions {
  private static final FormatOptions NONE = new FormatOptions(Map.of(), null, null);

  private final Map<String, String> values;
  private final Optional<Path> images;
  private final Optional<Path> sizes;

  private FormatOptions(Map<String, String> values, @Nullable Path images, @Nullable Path sizes) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.images = Optional.ofNullable(images);
    this.sizes = Optional.ofNullable(sizes);
  }

  /**
   * No options, no images, no sizes.
   *
   * @return the empty options
   */
  public static FormatOptions none() {
    return NONE;
  }

  /**
   * Options with the given values and no images or sizes.
   *
   * @param values the options, key to value
   * @return the options
   */
  public static FormatOptions of(Map<String, String> values) {
    return new FormatOptions(checked(values), null, null);
  }

  /**
   * Parses {@code key=value} options, as the command line gives them.
   *
   * @param options each {@code key=value}; a key given twice is an error
   * @return the options
   * @throws IllegalArgumentException if one has no {@code =} or an empty key, or a key repeats
   */
  public static FormatOptions parse(Iterable<String> options) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String option : options) {
      int equals = option.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "option '" + option + "' is not key=value (such as task=detect)");
      }
      String key = option.substring(0, equals);
      if (values.put(key, option.substring(equals + 1)) != null) {
        throw new IllegalArgumentException("option '" + key + "' is given twice");
      }
    }
    return of(values);
  }

  private static Map<String, String> checked(Map<String, String> values) {
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Objects.requireNonNull(entry.getValue(), "value");
      if (entry.getKey().isEmpty()) {
        throw new IllegalArgumentException("option key must be non-empty");
      }
    }
    return values;
  }

  /**
   * These options with a folder of images: readers that need image sizes read them from the images'
   * headers there.
   *
   * @param folder the folder
   * @return new options
   */
  public FormatOptions withImages(Path folder) {
    return new FormatOptions(values, Objects.requireNonNull(folder, "folder"), sizes.orElse(null));
  }

  /**
   * These options with a sizes table, a CSV file with the header {@code file_name,width,height}.
   *
   * @param file the CSV file
   * @return new options
   */
  public FormatOptions withSizes(Path file) {
    return new FormatOptions(values, images.orElse(null), Objects.requireNonNull(file, "file"));
  }

  /**
   * The options, key to value, sorted by key.
   *
   * @return the unmodifiable map
   */
  public Map<String, String> values() {
    return values;
  }

  /**
   * The folder of images, if given.
   *
   * @return the folder
   */
  public Optional<Path> images() {
    return images;
  }

  /**
   * The sizes table, if given.
   *
   * @return the CSV file
   */
  public Optional<Path> sizes() {
    return sizes;
  }

  /**
   * The value of an option, if given.
   *
   * @param key the key
   * @return the value
   */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The value of an option, or a default.
   *
   * @param key the key
   * @param otherwise the value when the option is not given
   * @return the value
   */
  public String value(String key, String otherwise) {
    return values.getOrDefault(key, otherwise);
  }

  /**
   * A {@code true}/{@code false} option.
   *
   * @param key the key
   * @param otherwise the value when the option is not given
   * @return the value
   * @throws IllegalArgumentException if the value is neither {@code true} nor {@code false}
   */
  public boolean flag(String key, boolean otherwise) {
    String value = values.get(key);
    if (value == null) {
      return otherwise;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "option " + key + "=" + value + ": the value must be true or false");
    };
  }

  /**
   * An integer option.
   *
   * @param key the key
   * @param otherwise the value when the option is not given
   * @return the value
   * @throws IllegalArgumentException if the value is not an integer
   */
  public int integer(String key, int otherwise) {
    String value = values.get(key);
    if (value == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + key + "=" + value + ": the value must be an integer", e);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FormatOptions that
        && values.equals(that.values)
        && images.equals(that.images)
        && sizes.equals(that.sizes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, images, sizes);
  }

  @Override
  public String toString() {
    return "FormatOptions"
        + values
        + images.map(p -> " images=" + p).orElse("")
        + sizes.map(p -> " sizes=" + p).orElse("");
  }
}
