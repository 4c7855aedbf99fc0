package org.annotationkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonCodec;
import org.annotationkit.core.json.JsonLinesReader;
import org.annotationkit.core.validation.AnnotationValidator;
import org.annotationkit.core.validation.Violation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annotate validate}: checks every annotation of a JSON Lines file against a schema (and,
 * when given, the items it refers to), and lists every violation and every malformed line with its
 * line and JSON pointer. A malformed line is reported and skipped; the lines after it are still
 * checked.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks annotations (canonical JSON Lines) against a schema and, when given, their items.",
      "Lists every problem as FILE:LINE:COLUMN at POINTER: MESSAGE (the column where the record starts, for a violation), then goes on: a malformed line of the"
          + " annotations or items is listed with the place and what is wrong, and every line after"
          + " it is still checked.",
      "Without --items, the checks that need the items are skipped, and a line on stderr says"
          + " which."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every annotation is valid",
      "1:violations or malformed lines were found (each is listed)",
      "2:an input could not be read at all (missing, a folder, not UTF-8 text), or the schema is"
          + " malformed"
    })
final class ValidateCommand implements Callable<Integer> {
  /** What {@link AnnotationValidator#validate(Annotation)} leaves out, and this command too. */
  static final String CHECKS_NEEDING_ITEMS =
      "that the item exists, field kinds per item type, geometry within the image, mask sizes,"
          + " span offsets and covered text, segment ends, response ids";

  @Spec CommandSpec spec;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "SCHEMA.json",
      description = "The schema, in canonical JSON.")
  Path schemaFile;

  @Option(
      names = "--annotations",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "The annotations, one canonical JSON record per line.")
  Path annotationsFile;

  @Option(
      names = "--items",
      paramLabel = "ITEMS.jsonl",
      description =
          "The items, one canonical JSON record per line. With them, annotations are also checked"
              + " against their item: "
              + CHECKS_NEEDING_ITEMS
              + ". Without them, those checks are skipped (stderr says so).")
  @Nullable Path itemsFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      AnnotationValidator validator =
          AnnotationValidator.of(read("schema", schemaFile, CanonicalJson.schemas()::read));
      Items items = itemsFile == null ? Items.NONE : readItems(itemsFile, out);
      int code = checkAnnotations(validator, items, out);
      if (!items.given()) {
        err.println(
            "annotate: no --items given: skipped the checks against items ("
                + CHECKS_NEEDING_ITEMS
                + ")");
      }
      return code;
    } catch (Unreadable unreadable) {
      out.flush();
      err.println("annotate: " + unreadable.getMessage());
      return Annotate.UNREADABLE;
    }
  }

  private int checkAnnotations(AnnotationValidator validator, Items items, PrintWriter out) {
    String source = annotationsFile.toString();
    long annotations = 0;
    long invalid = 0;
    long violations = 0;
    long malformed;
    try (Records<Annotation> records =
        new Records<>("annotations", annotationsFile, CanonicalJson.annotations(), out)) {
      while (records.next()) {
        annotations++;
        long found =
            check(validator, records.value(), items, source, records.line(), records.column(), out);
        if (found > 0) {
          invalid++;
          violations += found;
        }
      }
      malformed = records.malformed();
    }
    out.printf(
        Locale.ROOT,
        "checked %d annotation%s in %s: %d with violations, %d violation%s%s%n",
        annotations,
        plural(annotations),
        source,
        invalid,
        violations,
        plural(violations),
        malformed == 0 ? "" : ", " + malformed + " malformed line" + plural(malformed));
    out.flush();
    return violations == 0 && malformed == 0 && items.problems() == 0
        ? Annotate.OK
        : Annotate.VIOLATIONS;
  }

  /** Checks one annotation and prints its violations; returns how many there were. */
  private static long check(
      AnnotationValidator validator,
      Annotation annotation,
      Items items,
      String source,
      long line,
      long column,
      PrintWriter out) {
    if (!items.given()) {
      return print(validator.validate(annotation), source, line, column, out);
    }
    Item item = items.byId().get(annotation.itemId());
    if (item == null) {
      out.printf(
          Locale.ROOT,
          "%s:%d:%d at /item: no item '%s' in the items file%s%n",
          source,
          line,
          column,
          annotation.itemId(),
          items.malformed() == 0
              ? ""
              : " (" + items.malformed() + " of its lines could not be read)");
      return 1;
    }
    return print(validator.validate(annotation, item), source, line, column, out);
  }

  /** Prints violations as {@code FILE:LINE:COLUMN at POINTER: message}, as the library's errors. */
  private static long print(
      List<Violation> violations, String source, long line, long column, PrintWriter out) {
    for (Violation violation : violations) {
      String pointer = violation.path().isEmpty() ? "/" : violation.path();
      out.printf(
          Locale.ROOT, "%s:%d:%d at %s: %s%n", source, line, column, pointer, violation.message());
    }
    return violations.size();
  }

  /**
   * Reads the items by id, listing each malformed line and each repeated id (the first item with an
   * id is the one used).
   */
  private static Items readItems(Path file, PrintWriter out) {
    Map<String, Item> byId = new HashMap<>();
    Map<String, Long> firstLines = new HashMap<>();
    long repeated = 0;
    long malformed;
    try (Records<Item> records = new Records<>("items", file, CanonicalJson.items(), out)) {
      while (records.next()) {
        Item item = records.value();
        Long first = firstLines.putIfAbsent(item.id(), records.line());
        if (first == null) {
          byId.put(item.id(), item);
        } else {
          repeated++;
          out.printf(
              Locale.ROOT,
              "%s:%d:%d at /id: item id '%s' appears twice, first on line %d (annotations of it"
                  + " are checked against that one)%n",
              file,
              records.line(),
              records.column(),
              item.id(),
              first);
        }
      }
      malformed = records.malformed();
    }
    if (malformed > 0 || repeated > 0) {
      out.printf(
          Locale.ROOT,
          "read %d item%s from %s: %d malformed line%s, %d repeated id%s%n",
          byId.size(),
          plural(byId.size()),
          file,
          malformed,
          plural(malformed),
          repeated,
          plural(repeated));
    }
    return new Items(true, byId, malformed, repeated);
  }

  /**
   * The records of a JSON Lines file, one at a time: each malformed line is listed (the reader
   * consumes it) and skipped, and reading goes on.
   */
  private static final class Records<T> implements AutoCloseable {
    private final String what;
    private final Path file;
    private final PrintWriter out;
    private final JsonLinesReader<T> reader;
    private @Nullable T value;
    private long records;
    private long malformed;
    private OptionalLong lastProblem = OptionalLong.empty();

    /**
     * Opens the file.
     *
     * @throws Unreadable if it cannot be opened
     */
    Records(String what, Path file, JsonCodec<T> codec, PrintWriter out) {
      this.what = what;
      this.file = file;
      this.out = out;
      try {
        this.reader = codec.readLines(file);
      } catch (UncheckedIOException failure) {
        throw new Unreadable(Unreadable.describe(what, file, failure));
      }
    }

    /**
     * Moves to the next record that reads, listing the malformed lines before it.
     *
     * @return false at the end of the file
     * @throws Unreadable if the file cannot be read at all: not UTF-8 text from its first line, a
     *     problem whose line is unknown (nothing after it can be trusted to be a line of its own),
     *     or an I/O failure
     */
    boolean next() {
      while (true) {
        try {
          if (!reader.hasNext()) {
            value = null;
            return false;
          }
          value = reader.next();
          records++;
          return true;
        } catch (FormatException problem) {
          boolean first = records == 0 && malformed == 0;
          if ((first && notText(problem))
              || problem.line().isEmpty()
              || problem.line().equals(lastProblem)) {
            throw new Unreadable("cannot read " + what + ": " + problem.getMessage());
          }
          lastProblem = problem.line();
          malformed++;
          out.println(problem.getMessage());
        } catch (UncheckedIOException failure) {
          throw new Unreadable(Unreadable.describe(what, file, failure));
        }
      }
    }

    /** The record that {@link #next()} moved to. */
    T value() {
      return Objects.requireNonNull(value, "no current record");
    }

    /** The line number of that record. */
    long line() {
      return reader.lineNumber();
    }

    /** The column at which that record starts. */
    long column() {
      return reader.columnNumber();
    }

    /** The number of malformed lines so far. */
    long malformed() {
      return malformed;
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (UncheckedIOException failure) {
        throw new Unreadable(Unreadable.describe(what, file, failure));
      }
    }
  }

  /** Whether the problem is bytes that are not UTF-8, rather than text that is not a record. */
  private static boolean notText(FormatException problem) {
    for (Throwable cause = problem.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  private static String plural(long count) {
    return count == 1 ? "" : "s";
  }

  private static <T> T read(String what, Path file, Reading<T> reading) {
    try {
      return reading.read(file);
    } catch (FormatException malformed) {
      throw new Unreadable("cannot read " + what + ": " + malformed.getMessage());
    } catch (UncheckedIOException failure) {
      throw new Unreadable(Unreadable.describe(what, file, failure));
    }
  }

  /** Reads a file; FormatException for bad content, UncheckedIOException for I/O failures. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(Path file);
  }

  /**
   * The items to check annotations against.
   *
   * @param given whether an items file was given
   * @param byId the items read, by id
   * @param malformed the number of malformed lines of the items file
   * @param repeated the number of items whose id an earlier item had
   */
  private record Items(boolean given, Map<String, Item> byId, long malformed, long repeated) {
    static final Items NONE = new Items(false, Map.of(), 0, 0);

    long problems() {
      return malformed + repeated;
    }
  }

  /** An input that cannot be read, with the one line that says why. */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }

    static String describe(String what, Path file, Exception failure) {
      Throwable cause = failure.getCause() == null ? failure : failure.getCause();
      if (cause instanceof NoSuchFileException || !Files.exists(file)) {
        return "cannot read " + what + ": no such file: " + file;
      }
      if (Files.isDirectory(file)) {
        return "cannot read " + what + ": " + file + " is a folder, not a file";
      }
      return "cannot read " + what + ": " + file + ": " + cause.getMessage();
    }
  }
}
