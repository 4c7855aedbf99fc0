package org.annotationkit.formats;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link Loss} is about: an image (or other item), an annotation or region in it, a line of
 * the input, a text span; the parts present as they apply.
 *
 * <p>In {@code REPORT.json} this is the {@code "object"}, with the keys {@code image}, {@code
 * item}, {@code annotation}, {@code line} and {@code span} present as they apply.
 *
 * @param image the image's file name or id, as the input names it
 * @param item the item's id, for items that are not images (a text, an audio file)
 * @param annotation the annotation's or region's id, as the input names it
 * @param line the 1-based line of the input
 * @param span the text span, as {@code start-end} in code points
 * @since 0.1.0
 */
public record LossObject(
    Optional<String> image,
    Optional<String> item,
    Optional<String> annotation,
    OptionalLong line,
    Optional<String> span) {

  private static final LossObject INPUT =
      new LossObject(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalLong.empty(),
          Optional.empty());

  /** Checks the parts. */
  public LossObject {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(annotation, "annotation");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(span, "span");
    if (line.isPresent() && line.getAsLong() < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line.getAsLong());
    }
  }

  /**
   * The input as a whole (a loss about no one object, such as the file's licences).
   *
   * @return the object with no parts
   */
  public static LossObject input() {
    return INPUT;
  }

  /**
   * An image.
   *
   * @param image its file name or id
   * @return the object
   */
  public static LossObject image(String image) {
    return INPUT.withImage(image);
  }

  /**
   * An item that is not an image.
   *
   * @param item its id
   * @return the object
   */
  public static LossObject item(String item) {
    return INPUT.withItem(item);
  }

  /**
   * A line of the input.
   *
   * @param line the 1-based line
   * @return the object
   */
  public static LossObject line(long line) {
    return INPUT.withLine(line);
  }

  /**
   * This object with an image.
   *
   * @param image the image's file name or id
   * @return a new object
   */
  public LossObject withImage(String image) {
    return new LossObject(Optional.of(image), item, annotation, line, span);
  }

  /**
   * This object with an item.
   *
   * @param item the item's id
   * @return a new object
   */
  public LossObject withItem(String item) {
    return new LossObject(image, Optional.of(item), annotation, line, span);
  }

  /**
   * This object with an annotation or region.
   *
   * @param annotation its id
   * @return a new object
   */
  public LossObject withAnnotation(String annotation) {
    return new LossObject(image, item, Optional.of(annotation), line, span);
  }

  /**
   * This object with a line.
   *
   * @param line the 1-based line
   * @return a new object
   */
  public LossObject withLine(long line) {
    return new LossObject(image, item, annotation, OptionalLong.of(line), span);
  }

  /**
   * This object with a text span.
   *
   * @param start the first code point
   * @param end the code point after the last
   * @return a new object
   */
  public LossObject withSpan(int start, int end) {
    return new LossObject(image, item, annotation, line, Optional.of(start + "-" + end));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    image.ifPresent(v -> text.append("image ").append(v));
    item.ifPresent(v -> text.append(text.isEmpty() ? "" : ", ").append("item ").append(v));
    annotation.ifPresent(
        v -> text.append(text.isEmpty() ? "" : ", ").append("annotation ").append(v));
    line.ifPresent(v -> text.append(text.isEmpty() ? "" : ", ").append("line ").append(v));
    span.ifPresent(v -> text.append(text.isEmpty() ? "" : ", ").append("span ").append(v));
    return text.isEmpty() ? "the input" : text.toString();
  }
}
