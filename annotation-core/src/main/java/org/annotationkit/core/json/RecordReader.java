package org.annotationkit.core.json;

/**
 * Reads one whole record from a parser that is on its first token, returning on its closing brace:
 * one codec's type ({@link JsonCodec}), or any of the three ({@link DatasetRecords}).
 *
 * @param <T> the type of the values
 */
interface RecordReader<T> {
  /** Reads one record, starting on its first token and returning on its closing brace. */
  T readRecord(JsonIn in);
}
