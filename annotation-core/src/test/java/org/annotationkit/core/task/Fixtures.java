package org.annotationkit.core.task;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.InMemoryStore;

/** A small schema, items and annotations for the workflow's tests. */
final class Fixtures {
  private Fixtures() {}

  static final List<String> KINDS = List.of("cat", "dog", "bird");

  static final Schema SCHEMA =
      Schema.of(
          "pets",
          Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog", "bird").build(),
          Field.builder("objects", FieldKind.BOX).labels("car", "person").build(),
          Field.builder("entities", FieldKind.SPAN).labels("PER", "LOC").build());

  static ImageItem image(String id) {
    return new ImageItem(id, URI.create("file:///" + id + ".png"), 640, 480);
  }

  static TextItem text(String id) {
    return new TextItem(id, "Ada Lovelace met Charles Babbage in London.");
  }

  static Annotator human(String id, String... skills) {
    return new Annotator(id, Annotator.Kind.HUMAN, Set.of(skills));
  }

  static Annotation choice(String id, String itemId, String annotatorId, String label) {
    return Annotation.builder(id, itemId, annotatorId)
        .result("r1", "kind", new ChoiceValue(label))
        .build();
  }

  static ProjectSettings.Builder settings() {
    return ProjectSettings.builder().leaseDuration(Duration.ofMinutes(1));
  }

  static Workflow workflow(ProjectSettings settings, ManualClock clock, WorkflowListener... ls) {
    InMemoryStore store = InMemoryStore.create();
    Workflow.createProject(store, new Project("p", SCHEMA, settings));
    Workflow.Builder builder = Workflow.builder(store).clock(clock);
    for (WorkflowListener l : ls) {
      builder.listener(l);
    }
    return builder.build();
  }
}
