package org.annotationkit.formats;

import java.io.Serial;
import java.util.List;

/**
 * No format, or more than one, recognises an input; {@link #candidates()} lists the ones that could
 * be meant.
 *
 * @since 0.1.0
 */
public final class FormatDetectionException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // An immutable list of formats; never serialised in practice.
  private final List<String> candidates;

  /**
   * Creates the exception.
   *
   * @param message what could not be told, for a person to read
   * @param candidates the formats that recognise the input equally (empty when none does)
   */
  public FormatDetectionException(String message, List<Format> candidates) {
    super(message);
    this.candidates = candidates.stream().map(Format::name).toList();
  }

  /**
   * The names of the formats the input could be in.
   *
   * @return the names, empty when no format recognises the input
   */
  public List<String> candidates() {
    return candidates;
  }
}
