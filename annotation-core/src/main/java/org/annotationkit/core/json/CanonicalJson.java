package org.annotationkit.core.json;

import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;

/**
 * The canonical JSON of Annotation Kit: where to get the codec of each top-level record.
 *
 * {@snippet :
 * String line = CanonicalJson.annotations().write(annotation);
 * Annotation back = CanonicalJson.annotations().read(line); // equals annotation
 * try (Stream<Item> items = CanonicalJson.items().readLines(Path.of("items.jsonl")).stream()) {
 *   long images = items.filter(item -> item instanceof ImageItem).count();
 * }
 * }
 *
 * <p>Every record starts with {@code "annotationkit"} (the record type: {@code "schema"}, {@code
 * "item"} or {@code "annotation"}) and {@code "version"} ({@link #FORMAT_VERSION}). The layout of
 * each record, field by field, is documented in {@code docs/canonical-json.md}.
 *
 * @since 0.1.0
 */
public final class CanonicalJson {
  /** The version of the layout that this library writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The record types, the values of {@code "annotationkit"}. */
  static final List<String> RECORD_TYPES = List.of("schema", "item", "annotation");

  private static final JsonCodec<Schema> SCHEMAS = new JsonCodec<>(SchemaFormat.INSTANCE);
  private static final JsonCodec<Item> ITEMS = new JsonCodec<>(ItemFormat.INSTANCE);
  private static final JsonCodec<Annotation> ANNOTATIONS =
      new JsonCodec<>(AnnotationFormat.INSTANCE);

  private CanonicalJson() {}

  /**
   * The codec of schema records ({@code "annotationkit": "schema"}).
   *
   * @return the codec, shared and immutable
   */
  public static JsonCodec<Schema> schemas() {
    return SCHEMAS;
  }

  /**
   * The codec of item records ({@code "annotationkit": "item"}), of every item type.
   *
   * @return the codec, shared and immutable
   */
  public static JsonCodec<Item> items() {
    return ITEMS;
  }

  /**
   * The codec of annotation records ({@code "annotationkit": "annotation"}).
   *
   * @return the codec, shared and immutable
   */
  public static JsonCodec<Annotation> annotations() {
    return ANNOTATIONS;
  }
}
