/**
 * Annotation Kit's workflow store on PostgreSQL: {@link org.annotationkit.store.jdbc.JdbcStore}, a
 * {@link org.annotationkit.core.store.WorkflowStore} that several application processes share.
 *
 * @since 0.1.0
 */
module org.annotationkit.store.jdbc {
  requires transitive org.annotationkit.core;
  requires transitive java.sql;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports org.annotationkit.store.jdbc;
}
