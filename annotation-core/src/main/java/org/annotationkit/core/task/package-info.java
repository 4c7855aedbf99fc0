/**
 * The labeling workflow: projects, tasks, leases, submissions, review, gold items, costs.
 *
 * <p>A {@link org.annotationkit.core.task.Project} is a schema and its {@link
 * org.annotationkit.core.task.ProjectSettings settings} (overlap, gold rate, review, lease time,
 * pay); its items come in as {@link org.annotationkit.core.task.Task tasks}. A {@link
 * org.annotationkit.core.task.Workflow} hands tasks to annotators as leases ({@link
 * org.annotationkit.core.task.Workflow#next(org.annotationkit.core.annotation.Annotator)}), takes
 * their answers ({@link
 * org.annotationkit.core.task.Workflow#submit(org.annotationkit.core.annotation.Annotation)}),
 * reviews them, scores gold answers and reports costs. It keeps its state in a {@link
 * org.annotationkit.core.store.WorkflowStore}, as the explicit state changes of {@link
 * org.annotationkit.core.store.StoreEvent}.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.task;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
