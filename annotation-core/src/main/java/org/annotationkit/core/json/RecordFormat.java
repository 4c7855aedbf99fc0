package org.annotationkit.core.json;

import tools.jackson.core.JsonGenerator;

/**
 * The body of one kind of top-level record: everything after {@code "annotationkit"} and {@code
 * "version"}, which {@link JsonCodec} writes and checks itself.
 *
 * @param <T> the type of the record's value
 */
interface RecordFormat<T> {

  /** The record type, the value of {@code "annotationkit"}: "schema", "item" or "annotation". */
  String recordType();

  /** The record's fields, including "annotationkit" and "version", for unknown-field checks. */
  JsonIn.Fields fields();

  /** Writes the record's fields after "version"; the generator is inside the record's object. */
  void writeBody(JsonGenerator out, T value);

  /**
   * Reads the record's fields after "version" and builds the value, returning on the record's
   * closing brace.
   */
  T readBody(JsonIn in, JsonIn.ObjectIn record);
}
