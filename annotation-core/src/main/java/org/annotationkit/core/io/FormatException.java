package org.annotationkit.core.io;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Malformed external input: a file or stream that does not follow its format. The message names
 * what was wrong; {@link #source()}, {@link #line()}, {@link #column()} and {@link #pointer()} say
 * where, as far as the reader knew.
 *
 * <p>This is the one exception that every reader in Annotation Kit throws for bad input, whatever
 * the format; callers catch it to report the problem to a person. Bad arguments from code raise
 * {@link IllegalArgumentException} instead.
 *
 * @since 0.1.0
 */
public final class FormatException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** The file or stream name, or null when the reader had none. */
  private final @Nullable String source;

  /** The 1-based line, or 0 when unknown. */
  private final long line;

  /** The 1-based column, or 0 when unknown. */
  private final long column;

  /** The JSON pointer of the offending value, or null when the input is not JSON. */
  private final @Nullable String pointer;

  /** What was wrong, without the location. */
  private final String problem;

  private FormatException(String problem, Location location, @Nullable Throwable cause) {
    super(describe(problem, location), cause);
    this.problem = problem;
    this.source = location.source().orElse(null);
    this.line = location.line();
    this.column = location.column();
    this.pointer = location.pointer().orElse(null);
  }

  /**
   * Creates an exception with where the problem is.
   *
   * @param problem what was wrong, for a person to read
   * @param location where it was found
   * @return the exception, to throw
   */
  public static FormatException at(String problem, Location location) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(location, "location");
    return new FormatException(problem, location, null);
  }

  /**
   * Creates an exception with where the problem is and what caused it.
   *
   * @param problem what was wrong, for a person to read
   * @param location where it was found
   * @param cause the underlying failure (a parser's own exception, say)
   * @return the exception, to throw
   */
  public static FormatException at(String problem, Location location, Throwable cause) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(cause, "cause");
    return new FormatException(problem, location, cause);
  }

  /**
   * The problem alone, without the location that {@link #getMessage()} adds.
   *
   * @return what was wrong
   */
  public String problem() {
    return problem;
  }

  /**
   * The file or stream name, when the reader was given one.
   *
   * @return the source name
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /**
   * The 1-based line of the problem, when known.
   *
   * @return the line
   */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /**
   * The 1-based column of the problem, when known.
   *
   * @return the column
   */
  public OptionalLong column() {
    return column > 0 ? OptionalLong.of(column) : OptionalLong.empty();
  }

  /**
   * The JSON pointer (RFC 6901) of the offending value within its record, when the input is JSON.
   *
   * @return the pointer, such as {@code /results/2/value/end}
   */
  public Optional<String> pointer() {
    return Optional.ofNullable(pointer);
  }

  /**
   * The message: {@code FILE:LINE:COLUMN at POINTER: problem}, each part left out when unknown
   * ({@code FILE:LINE: problem}, {@code FILE at /x: problem}); without a file name the place starts
   * with the word {@code line} ({@code line 3:7 at /x: problem}).
   */
  private static String describe(String problem, Location location) {
    StringBuilder where = new StringBuilder(location.source().orElse(""));
    if (location.line() > 0) {
      if (where.isEmpty()) {
        where.append("line ");
      } else {
        where.append(':');
      }
      where.append(location.line());
      if (location.column() > 0) {
        where.append(':').append(location.column());
      }
    }
    if (location.pointer().isPresent()) {
      String pointer = location.pointer().get();
      if (!where.isEmpty()) {
        where.append(' ');
      }
      where.append("at ").append(pointer.isEmpty() ? "/" : pointer);
    }
    return where.isEmpty() ? problem : where + ": " + problem;
  }

  /**
   * Where in an input a problem was found. Every part is optional: a line of 0 means unknown.
   *
   * @param source the file or stream name, if any
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param pointer the JSON pointer of the value, if any
   * @since 0.1.0
   */
  public record Location(
      Optional<String> source, long line, long column, Optional<String> pointer) {
    /** Checks the parts. */
    public Location {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(pointer, "pointer");
      if (line < 0 || column < 0) {
        throw new IllegalArgumentException(
            "line and column must be 0 (unknown) or positive, got " + line + ":" + column);
      }
    }

    /** A location about which nothing is known. */
    public static final Location UNKNOWN = new Location(Optional.empty(), 0, 0, Optional.empty());

    /**
     * A line (and column) in a named source.
     *
     * @param source the file or stream name
     * @param line the 1-based line
     * @param column the 1-based column, or 0 when unknown
     * @return the location
     */
    public static Location of(String source, long line, long column) {
      return new Location(Optional.of(source), line, column, Optional.empty());
    }

    /**
     * The same location with a JSON pointer.
     *
     * @param jsonPointer the pointer of the value
     * @return a new location
     */
    public Location withPointer(String jsonPointer) {
      return new Location(source, line, column, Optional.of(jsonPointer));
    }
  }
}
