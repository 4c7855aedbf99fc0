package org.annotationkit.core.task;

import java.util.Objects;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.Schema;

/**
 * A labeling project: the schema its annotations follow and the settings of its workflow. Its items
 * are added as {@link Task tasks} (regular or gold) through the {@link Workflow}.
 *
 * @param id the project's id, non-empty
 * @param schema the schema of every annotation, prelabel and gold answer
 * @param settings how the workflow runs
 * @since 0.1.0
 */
public record Project(String id, Schema schema, ProjectSettings settings) {
  /** Checks the parts. */
  public Project {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(settings, "settings");
  }
}
