/**
 * Annotation Kit metrics: agreement, aggregation and annotator quality.
 *
 * @since 0.1.0
 */
module org.annotationkit.metrics {
  requires transitive org.annotationkit.core;
  requires static org.jspecify;

// Exports its API packages once they hold types (org.annotationkit.metrics.*).
}
