/**
 * Annotation Kit formats: converters between labeling formats.
 *
 * @since 0.1.0
 */
module org.annotationkit.formats {
  requires transitive org.annotationkit.core;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.formats.coco;
  exports org.annotationkit.formats.text;
}
