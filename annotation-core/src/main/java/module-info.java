/**
 * Annotation Kit core: the domain of data labeling (schemas, items, geometry, annotations) and its
 * canonical JSON.
 *
 * @since 0.1.0
 */
module org.annotationkit.core {
  requires tools.jackson.core;
  // Annotations: needed to compile this module, and by no module that uses it (see the parent pom).
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.core.accumulator;
  exports org.annotationkit.core.annotation;
  exports org.annotationkit.core.coding;
  exports org.annotationkit.core.dataset;
  exports org.annotationkit.core.geometry;
  exports org.annotationkit.core.io;
  exports org.annotationkit.core.item;
  exports org.annotationkit.core.json;
  exports org.annotationkit.core.schema;
  exports org.annotationkit.core.store;
  exports org.annotationkit.core.store.journal;
  exports org.annotationkit.core.table;
  exports org.annotationkit.core.task;
  exports org.annotationkit.core.validation;
}
