package org.annotationkit.core.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;

/**
 * The JSON of the store's values, as the {@link JournalStore} writes them (encoding version 1,
 * {@code docs/store.md}), for other stores that keep these values as text: a SQL store's columns,
 * for one. Each {@code write} gives one JSON object; each {@code read} takes one and gives the
 * value back, equal to the one written.
 *
 * @since 0.1.0
 */
public final class StoreCodec {
  private StoreCodec() {}

  /**
   * The encoding's version, the journal's {@code store_events}.
   *
   * @return the version
   */
  public static int version() {
    return StoreJson.VERSION;
  }

  /**
   * A project as JSON.
   *
   * @param project the project
   * @return its JSON object
   */
  public static String writeProject(Project project) {
    Objects.requireNonNull(project, "project");
    return StoreJson.write(out -> StoreJson.project(out, project));
  }

  /**
   * Reads a project.
   *
   * @param json what {@link #writeProject} wrote
   * @return the project
   * @throws IllegalArgumentException if the JSON is not a project, naming the JSON pointer
   */
  public static Project readProject(String json) {
    return read(json, "project", StoreJson::readProject);
  }

  /**
   * A task as JSON (its item, overlap, priority, skills and pre-labels).
   *
   * @param task the task
   * @return its JSON object
   */
  public static String writeTask(Task task) {
    Objects.requireNonNull(task, "task");
    return StoreJson.write(out -> StoreJson.task(out, task));
  }

  /**
   * Reads a task.
   *
   * @param json what {@link #writeTask} wrote
   * @return the task
   * @throws IllegalArgumentException if the JSON is not a task, naming the JSON pointer
   */
  public static Task readTask(String json) {
    return read(json, "task", StoreJson::readTask);
  }

  /**
   * A lease as JSON.
   *
   * @param lease the lease
   * @return its JSON object
   */
  public static String writeLease(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    return StoreJson.write(out -> StoreJson.lease(out, lease));
  }

  /**
   * Reads a lease.
   *
   * @param json what {@link #writeLease} wrote
   * @return the lease
   * @throws IllegalArgumentException if the JSON is not a lease, naming the JSON pointer
   */
  public static Lease readLease(String json) {
    return read(json, "lease", StoreJson::readLease);
  }

  /**
   * An annotator as JSON (id, kind, skills).
   *
   * @param annotator the annotator
   * @return its JSON object
   */
  public static String writeAnnotator(Annotator annotator) {
    Objects.requireNonNull(annotator, "annotator");
    return StoreJson.write(out -> StoreJson.annotator(out, annotator));
  }

  /**
   * Reads an annotator.
   *
   * @param json what {@link #writeAnnotator} wrote
   * @return the annotator
   * @throws IllegalArgumentException if the JSON is not an annotator, naming the JSON pointer
   */
  public static Annotator readAnnotator(String json) {
    return read(json, "annotator", StoreJson::readAnnotator);
  }

  /**
   * A submission as JSON, with its review when it has one.
   *
   * @param submission the submission
   * @return its JSON object
   */
  public static String writeSubmission(Submission submission) {
    Objects.requireNonNull(submission, "submission");
    return StoreJson.write(out -> StoreJson.submission(out, submission));
  }

  /**
   * Reads a submission.
   *
   * @param json what {@link #writeSubmission} wrote
   * @return the submission
   * @throws IllegalArgumentException if the JSON is not a submission, naming the JSON pointer
   */
  public static Submission readSubmission(String json) {
    return read(json, "submission", StoreJson::readSubmission);
  }

  /**
   * A gold policy's flag as JSON.
   *
   * @param flag the flag
   * @return its JSON object
   */
  public static String writeFlag(GoldPolicy.Flag flag) {
    Objects.requireNonNull(flag, "flag");
    return StoreJson.write(out -> StoreJson.flag(out, flag));
  }

  /**
   * Reads a flag.
   *
   * @param json what {@link #writeFlag} wrote
   * @return the flag
   * @throws IllegalArgumentException if the JSON is not a flag, naming the JSON pointer
   */
  public static GoldPolicy.Flag readFlag(String json) {
    return read(json, "flag", StoreJson::readFlag);
  }

  /**
   * The events of one decision as one journal record, {@code {"store_events": 1, "events": [...]}}.
   *
   * @param events the events
   * @return the record's JSON object
   */
  public static String writeEvents(List<StoreEvent> events) {
    return StoreJson.record(List.copyOf(events));
  }

  /**
   * Reads the events of a record.
   *
   * @param json what {@link #writeEvents} wrote
   * @return the events, in order
   * @throws IllegalArgumentException if the JSON is not a record of this version, naming the JSON
   *     pointer
   */
  public static List<StoreEvent> readEvents(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return List.copyOf(StoreJson.readRecord(json));
    } catch (StoreJson.BadJson e) {
      throw new IllegalArgumentException("not a store record: " + e.getMessage(), e);
    }
  }

  private static <T> T read(String json, String what, Function<StoreJson.Obj, T> reader) {
    Objects.requireNonNull(json, "json");
    try {
      return reader.apply(StoreJson.parse(json));
    } catch (StoreJson.BadJson e) {
      throw new IllegalArgumentException("not a stored " + what + ": " + e.getMessage(), e);
    }
  }
}
