/**
 * Annotation Kit active learning: samplers that choose what to label next.
 *
 * @since 0.1.0
 */
module org.annotationkit.activelearning {
  requires transitive org.annotationkit.core;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.activelearning;
  exports org.annotationkit.activelearning.batch;
  exports org.annotationkit.activelearning.coldstart;
  exports org.annotationkit.activelearning.committee;
  exports org.annotationkit.activelearning.cost;
  exports org.annotationkit.activelearning.density;
  exports org.annotationkit.activelearning.diversity;
  exports org.annotationkit.activelearning.loop;
  exports org.annotationkit.activelearning.review;
  exports org.annotationkit.activelearning.stopping;
  exports org.annotationkit.activelearning.stream;
  exports org.annotationkit.activelearning.structured;
  exports org.annotationkit.activelearning.uncertainty;
}
