package org.annotationkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.json.CanonicalJson;
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
 * when given, the items it refers to), and lists every violation with its line and JSON pointer.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks annotations (canonical JSON Lines) against a schema and, when given, their items.",
      "Lists every violation as FILE:LINE: POINTER: MESSAGE."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every annotation is valid",
      "1:violations were found (and listed)",
      "2:an input could not be read"
    })
final class ValidateCommand implements Callable<Integer> {
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
              + " against their item: image bounds, text length, responses, durations.")
  @Nullable Path itemsFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Map<String, Item>> items;
    AnnotationValidator validator;
    try {
      validator = AnnotationValidator.of(read("schema", schemaFile, CanonicalJson.schemas()::read));
      items = itemsFile == null ? Optional.empty() : Optional.of(readItems(itemsFile));
    } catch (Unreadable unreadable) {
      err.println("annotate: " + unreadable.getMessage());
      return Annotate.UNREADABLE;
    }

    long annotations = 0;
    long invalid = 0;
    long violations = 0;
    String source = annotationsFile.toString();
    try (JsonLinesReader<Annotation> reader =
        CanonicalJson.annotations().readLines(annotationsFile)) {
      while (reader.hasNext()) {
        Annotation annotation = reader.next();
        annotations++;
        List<Violation> found = check(validator, annotation, items);
        if (!found.isEmpty()) {
          invalid++;
          violations += found.size();
          for (Violation violation : found) {
            out.printf(
                "%s:%d: %s: %s%n",
                source, reader.lineNumber(), pointer(violation.path()), violation.message());
          }
        }
      }
    } catch (FormatException malformed) {
      out.flush();
      err.println("annotate: cannot read annotations: " + malformed.getMessage());
      return Annotate.UNREADABLE;
    } catch (Unreadable unreadable) {
      out.flush();
      err.println("annotate: " + unreadable.getMessage());
      return Annotate.UNREADABLE;
    } catch (java.io.UncheckedIOException failure) {
      out.flush();
      err.println("annotate: " + Unreadable.describe("annotations", annotationsFile, failure));
      return Annotate.UNREADABLE;
    }
    out.printf(
        "checked %d annotation%s in %s: %d with violations, %d violation%s%n",
        annotations,
        annotations == 1 ? "" : "s",
        source,
        invalid,
        violations,
        violations == 1 ? "" : "s");
    return violations == 0 ? Annotate.OK : Annotate.VIOLATIONS;
  }

  private static List<Violation> check(
      AnnotationValidator validator, Annotation annotation, Optional<Map<String, Item>> items) {
    if (items.isEmpty()) {
      return validator.validate(annotation);
    }
    Item item = items.get().get(annotation.itemId());
    if (item == null) {
      return List.of(
          new Violation("/item", "no item '" + annotation.itemId() + "' in the items file"));
    }
    return validator.validate(annotation, item);
  }

  private static String pointer(String path) {
    return path.isEmpty() ? "/" : path;
  }

  private static Map<String, Item> readItems(Path file) {
    Map<String, Item> items = new HashMap<>();
    try (JsonLinesReader<Item> reader = CanonicalJson.items().readLines(file)) {
      while (reader.hasNext()) {
        Item item = reader.next();
        if (items.putIfAbsent(item.id(), item) != null) {
          throw new Unreadable(
              "cannot read items: "
                  + file
                  + ":line "
                  + reader.lineNumber()
                  + ": item id '"
                  + item.id()
                  + "' appears twice");
        }
      }
    } catch (FormatException malformed) {
      throw new Unreadable("cannot read items: " + malformed.getMessage());
    } catch (java.io.UncheckedIOException failure) {
      throw new Unreadable(Unreadable.describe("items", file, failure));
    }
    return items;
  }

  private static <T> T read(String what, Path file, Reading<T> reading) {
    try {
      return reading.read(file);
    } catch (FormatException malformed) {
      throw new Unreadable("cannot read " + what + ": " + malformed.getMessage());
    } catch (java.io.UncheckedIOException failure) {
      throw new Unreadable(Unreadable.describe(what, file, failure));
    }
  }

  /** Reads a file; FormatException for bad content, UncheckedIOException for I/O failures. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(Path file);
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
      return "cannot read " + what + ": " + file + ": " + cause.getMessage();
    }
  }
}
