/** A user's own module: it requires every library module of Annotation Kit, and nothing else. */
module org.example.consumer {
  requires org.annotationkit.core;
  requires org.annotationkit.formats;
  requires org.annotationkit.metrics;
  requires org.annotationkit.activelearning;
}
