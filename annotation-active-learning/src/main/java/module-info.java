/**
 * Annotation Kit active learning: samplers that choose what to label next.
 *
 * @since 0.1.0
 */
module org.annotationkit.activelearning {
  requires transitive org.annotationkit.core;
  requires static org.jspecify;

// Exports its API packages once they hold types (org.annotationkit.activelearning.*).
}
