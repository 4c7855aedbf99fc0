/**
 * Annotation Kit metrics: agreement, aggregation and annotator quality.
 *
 * @since 0.1.0
 */
module org.annotationkit.metrics {
  requires transitive org.annotationkit.core;
  requires org.apache.commons.statistics.distribution;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.metrics.aggregation;
  exports org.annotationkit.metrics.agreement;
  exports org.annotationkit.metrics.data;
  exports org.annotationkit.metrics.quality;
  exports org.annotationkit.metrics.structured;
}
