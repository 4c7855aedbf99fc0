import org.annotationkit.formats.Format;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.annotationkit.formats.cvat.CvatImagesFormat;

/**
 * Annotation Kit formats: converters between labeling formats, through core's dataset model, with a
 * loss report for every conversion. Formats are found through {@link java.util.ServiceLoader}: this
 * module provides its own, and uses those of any other module.
 *
 * @since 0.1.0
 */
module org.annotationkit.formats {
  requires transitive org.annotationkit.core;
  requires tools.jackson.core;
  requires java.xml;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.formats;
  exports org.annotationkit.formats.canonical;
  exports org.annotationkit.formats.coco;
  exports org.annotationkit.formats.cvat;
  exports org.annotationkit.formats.text;

  uses Format;

  provides Format with
      CanonicalFormat,
      CvatImagesFormat;
}
