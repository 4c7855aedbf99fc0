package org.annotationkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;

/** The inputs the {@code annotate project} tests write: a schema, text items, annotations. */
final class ProjectFiles {
  private ProjectFiles() {}

  /** Writes {@code schema.json}: one single-choice field "kind", cat or dog. */
  static Path petsSchema(Path dir) throws IOException {
    Schema s =
        Schema.of(
            "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());
    return Files.writeString(dir.resolve("schema.json"), CanonicalJson.schemas().write(s));
  }

  /** Writes a JSON Lines file of text items with these ids. */
  static Path textItems(Path dir, String name, List<String> ids) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String id : ids) {
      lines.add(CanonicalJson.items().write(new TextItem(id, "a text about " + id)));
    }
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  /** An annotation of one result: "kind" is the label. */
  static Annotation choice(String id, String item, String who, String label) {
    return Annotation.builder(id, item, who).result("r1", "kind", new ChoiceValue(label)).build();
  }

  /** Writes the annotation as canonical JSON to {@code PREFIXID.json}. */
  static Path write(Path dir, String prefix, Annotation a) throws IOException {
    return Files.writeString(
        dir.resolve(prefix + a.id() + ".json"), CanonicalJson.annotations().write(a));
  }

  /** Writes the annotations as canonical JSON Lines. */
  static Path writeLines(Path dir, String name, List<Annotation> annotations) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Annotation a : annotations) {
      lines.add(CanonicalJson.annotations().write(a));
    }
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  /** Runs {@code annotate project init DIR --schema SCHEMA --items ITEMS}, then the extras. */
  static Cli.Run init(String dir, Path schema, Path items, List<String> extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "project",
                "init",
                dir,
                "--schema",
                schema.toString(),
                "--items",
                items.toString()));
    args.addAll(extra);
    return Cli.run(args.toArray(String[]::new));
  }
}
