package org.annotationkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonCodec;
import org.annotationkit.core.json.JsonLinesReader;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.AnnotationValidator;
import org.annotationkit.core.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code annotate demo}: a tour of what Annotation Kit does, on the sample project bundled in the
 * command (the files of {@code samples/} in the repository).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      // picocli shows the first line alone in the top-level help: a whole sentence.
      "Shows Annotation Kit at work on the sample project bundled in the command.",
      "Its schema, items, annotations by people and a model, their validation, agreement between"
          + " two annotators, active learning, a labeling project run through its queue (two"
          + " annotators, a gold item, a model pre-label, a review, the cost report) and"
          + " canonical JSON."
    })
final class DemoCommand implements Callable<Integer> {
  private static final String SAMPLES = "/org/annotationkit/cli/samples/";

  /**
   * The parts of the tour after the validation of the sample files, in order; each capability adds
   * its own section here.
   */
  private static final List<DemoSection> SECTIONS =
      List.of(
          new BoxOverlapSection(),
          new AgreementSection(),
          new AggregationSection(),
          new ActiveLearningSection(),
          new ConversionSection(),
          new NlpSection(),
          new WorkflowSection());

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Schema schema = resource("schema.json", in -> CanonicalJson.schemas().read(in, "schema.json"));
    List<Item> items = lines("items.jsonl", CanonicalJson.items());
    List<Annotation> annotations = lines("annotations.jsonl", CanonicalJson.annotations());
    List<Annotation> withErrors =
        lines("annotations-with-errors.jsonl", CanonicalJson.annotations());
    Map<String, Item> itemsById = new LinkedHashMap<>();
    items.forEach(item -> itemsById.put(item.id(), item));

    out.println("Annotation Kit demo: the sample project bundled with the command");
    out.println("(the same files are in samples/ of the repository)");

    heading(out, 1, "The schema '" + schema.name() + "', " + schema.fields().size() + " fields");
    for (Field field : schema.fields()) {
      out.printf(
          Locale.ROOT, "  %-12s %-20s %s%n", field.name(), describeKind(field), labels(field));
    }

    heading(out, 2, "Items, " + items.size());
    for (Item item : items) {
      out.printf(Locale.ROOT, "  %-10s %s%n", item.id(), describe(item));
    }

    AnnotationValidator validator = AnnotationValidator.of(schema);
    heading(
        out,
        3,
        "Annotations, "
            + annotations.size()
            + ", checked against the schema and their items (annotations.jsonl)");
    annotations.forEach(annotation -> report(out, validator, annotation, itemsById));

    heading(out, 4, "Annotations with planted errors (annotations-with-errors.jsonl)");
    withErrors.forEach(annotation -> report(out, validator, annotation, itemsById));

    SampleProject project = new SampleProject(schema, items, annotations);
    int number = 5;
    for (DemoSection section : SECTIONS) {
      heading(out, number++, section.title());
      section.print(project, out);
    }

    Annotation spans =
        annotations.stream()
            .filter(annotation -> annotation.itemId().equals("news-1"))
            .findFirst()
            .orElse(annotations.get(0));
    heading(
        out,
        number++,
        "Canonical JSON of annotation '"
            + spans.id()
            + "' (span offsets count code points: the flag is 2 of them)");
    CanonicalJson.annotations()
        .writePretty(spans)
        .lines()
        .forEach(line -> out.println("  " + line));

    heading(out, number, "Next");
    out.println("  Validate a file yourself (exit code 1 when it has violations):");
    out.println(
        "    ./annotate validate --schema samples/schema.json --items samples/items.jsonl \\");
    out.println("        --annotations samples/annotations-with-errors.jsonl");
    out.println("  The canonical JSON layout: docs/canonical-json.md");
    out.flush();
    return Annotate.OK;
  }

  private static void heading(PrintWriter out, int number, String title) {
    out.println();
    out.println(number + ". " + title);
  }

  private static String describeKind(Field field) {
    String kind = field.kind().jsonName();
    List<String> notes = new ArrayList<>();
    if (field.constraints().required()) {
      notes.add("required");
    }
    if (field.rotatable()) {
      notes.add("rotatable");
    }
    if (!field.constraints().allowOverlap()) {
      notes.add("no overlap");
    }
    field.scale().ifPresent(scale -> notes.add(fmt(scale.min()) + ".." + fmt(scale.max())));
    return notes.isEmpty() ? kind : kind + " (" + String.join(", ", notes) + ")";
  }

  private static String labels(Field field) {
    if (field.labels().isEmpty()) {
      return "";
    }
    return "labels: "
        + field.labels().all().stream().map(DemoCommand::label).collect(Collectors.joining(", "));
  }

  private static String label(Label label) {
    if (label.attributes().isEmpty()) {
      return label.name();
    }
    return label.name()
        + " ["
        + label.attributes().stream()
            .map(attribute -> attribute.name() + ": " + attribute.type().jsonName())
            .collect(Collectors.joining(", "))
        + "]";
  }

  private static String describe(Item item) {
    return switch (item) {
      case ImageItem image ->
          "image " + image.width() + " x " + image.height() + " px  " + image.uri();
      case TextItem text -> "text, " + text.length() + " code points: \"" + text.text() + "\"";
      case AudioItem audio -> "audio, " + fmt(audio.durationSeconds()) + " s  " + audio.uri();
      case VideoItem video ->
          "video, "
              + video.frameCount()
              + " frames at "
              + fmt(video.fps())
              + " fps, "
              + video.width()
              + " x "
              + video.height();
      case ComparisonItem comparison ->
          "comparison of "
              + comparison.responses().size()
              + " responses to \""
              + comparison.prompt()
              + "\"";
    };
  }

  private static void report(
      PrintWriter out,
      AnnotationValidator validator,
      Annotation annotation,
      Map<String, Item> items) {
    Item item = items.get(annotation.itemId());
    List<Violation> violations =
        item == null
            ? List.of(
                new Violation(
                    "/item", Violation.Code.UNKNOWN_ITEM, "no item '" + annotation.itemId() + "'"))
            : validator.validate(annotation, item);
    String who =
        switch (annotation.origin()) {
          case Origin.Human human -> annotation.annotatorId();
          case Origin.Model model ->
              annotation.annotatorId() + " (model " + model.name() + " " + model.version() + ")";
        };
    out.printf(
        Locale.ROOT,
        "  %-6s by %-34s on %-9s %d result%s: %s%n",
        annotation.id(),
        who,
        annotation.itemId(),
        annotation.results().size(),
        annotation.results().size() == 1 ? "" : "s",
        violations.isEmpty()
            ? "valid"
            : violations.size() + " violation" + (violations.size() == 1 ? "" : "s"));
    for (Violation violation : violations) {
      out.println("           " + violation.path() + ": " + violation.message());
    }
  }

  private static String fmt(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static <T> List<T> lines(String name, JsonCodec<T> codec) {
    return resource(
        name,
        in -> {
          List<T> values = new ArrayList<>();
          try (JsonLinesReader<T> reader = codec.readLines(in, name)) {
            reader.forEachRemaining(values::add);
          }
          return values;
        });
  }

  private static <T> T resource(String name, java.util.function.Function<Reader, T> reading) {
    InputStream stream = DemoCommand.class.getResourceAsStream(SAMPLES + name);
    if (stream == null) {
      throw new IllegalStateException("the command was built without its sample " + name);
    }
    try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      return reading.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled sample " + name, e);
    }
  }
}
