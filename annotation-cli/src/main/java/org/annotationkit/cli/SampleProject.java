package org.annotationkit.cli;

import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;

/**
 * The sample project bundled in the command, as {@code annotate demo} reads it: the schema, the
 * items and the valid annotations (by people and by a model).
 *
 * @param schema the project's schema
 * @param items the items, in file order
 * @param annotations the annotations of {@code annotations.jsonl}, in file order
 */
record SampleProject(Schema schema, List<Item> items, List<Annotation> annotations) {
  SampleProject {
    items = List.copyOf(items);
    annotations = List.copyOf(annotations);
  }
}
