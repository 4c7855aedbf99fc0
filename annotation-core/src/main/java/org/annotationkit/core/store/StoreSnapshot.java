package org.annotationkit.core.store;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Submission;

/**
 * The snapshot of an {@link InMemoryStore.State}, version {@value StoreJson#VERSION}: UTF-8 JSON
 * Lines, a header line then one line per task (in the order added), submission (in the order
 * stored), open lease and annotator. Counts that the state derives (counted and pending
 * submissions, open leases per task, taken annotation ids, the queues) are rebuilt on reading
 * rather than stored, so a snapshot cannot disagree with itself.
 */
final class StoreSnapshot {
  private StoreSnapshot() {}

  /** Writes the state; call under the store's lock. */
  static byte[] write(InMemoryStore.State state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      line(
          text,
          out -> {
            out.writeStartObject();
            out.writeNumberProperty("store_snapshot", StoreJson.VERSION);
            if (state.project != null) {
              out.writeName("project");
              StoreJson.project(out, state.project);
            }
            out.writeNumberProperty("tasks", state.tasks.size());
            out.writeNumberProperty("submissions", state.submissions.size());
            out.writeNumberProperty("leases", state.openLeases.size());
            out.writeNumberProperty("annotators", state.annotators.size());
            out.writeEndObject();
          });
      for (InMemoryStore.TaskEntry entry : state.tasks.values()) {
        line(
            text,
            out -> {
              out.writeStartObject();
              out.writeName("task");
              StoreJson.task(out, entry.task);
              if (entry.goldAnswer != null) {
                out.writeName("gold_answer");
                out.writeRawValue(CanonicalJson.annotations().write(entry.goldAnswer));
              }
              if (entry.completedAt != null) {
                out.writeStringProperty("completed_at", entry.completedAt.toString());
              }
              out.writeEndObject();
            });
      }
      for (Submission submission : state.submissions.values()) {
        line(text, out -> StoreJson.submission(out, submission));
      }
      for (Lease lease : state.leasesByExpiry) {
        line(text, out -> StoreJson.lease(out, lease));
      }
      for (InMemoryStore.AnnotatorEntry a : state.annotators.values()) {
        line(
            text,
            out -> {
              out.writeStartObject();
              out.writeName("annotator");
              StoreJson.annotator(out, a.annotator);
              out.writeNumberProperty("assignments", a.assignments);
              out.writeNumberProperty("gold_assignments", a.goldAssignments);
              out.writeNumberProperty("gold_answered", a.goldAnswered);
              out.writeNumberProperty("gold_correct", a.goldCorrect);
              if (a.flag.isPresent()) {
                out.writeName("flag");
                StoreJson.flag(out, a.flag.get());
              }
              StoreJson.strings(out, "had", new java.util.TreeSet<>(a.had));
              out.writeEndObject();
            });
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void line(Writer text, StoreJson.Body body) throws java.io.IOException {
    StoreJson.write(text, body);
    text.write('\n');
  }

  /** Reads a snapshot into a new state. */
  static InMemoryStore.State read(byte[] snapshot) {
    String text = new String(snapshot, StandardCharsets.UTF_8);
    Lines lines = new Lines(text);
    StoreJson.Obj header = lines.next();
    long version = header.integer("store_snapshot");
    if (version != StoreJson.VERSION) {
      throw new StoreJson.BadJson(
          "unsupported store snapshot version "
              + version
              + "; this reader reads version "
              + StoreJson.VERSION,
          null);
    }
    InMemoryStore.State state = new InMemoryStore.State();
    if (header.has("project")) {
      state.project = StoreJson.readProject(header.obj("project"));
    }
    long tasks = header.integer("tasks");
    for (long i = 0; i < tasks; i++) {
      StoreJson.Obj t = lines.next();
      Optional<Annotation> gold =
          t.has("gold_answer")
              ? Optional.of(t.raw("gold_answer", CanonicalJson.annotations()))
              : Optional.empty();
      InMemoryStore.TaskEntry entry =
          new InMemoryStore.TaskEntry(
              state.nextSeq++, StoreJson.readTask(t.obj("task")), gold.orElse(null));
      if (t.has("completed_at")) {
        entry.completedAt = t.instant("completed_at");
      }
      if (state.tasks.put(entry.task.id(), entry) != null) {
        throw lines.bad("task " + entry.task.id() + " twice");
      }
      gold.ifPresent(k -> state.takenIds.add(k.id()));
    }
    long submissions = header.integer("submissions");
    for (long i = 0; i < submissions; i++) {
      Submission s = StoreJson.readSubmission(lines.next());
      InMemoryStore.TaskEntry entry = state.tasks.get(s.taskId());
      if (entry == null || state.submissions.put(s.id(), s) != null) {
        throw lines.bad("submission " + s.id() + " of an unknown task or twice");
      }
      state.takenIds.add(s.id());
      s.review().flatMap(r -> r.correction()).ifPresent(c -> state.takenIds.add(c.id()));
      entry.submissions.add(s);
      if (s.status() == Submission.Status.PENDING_REVIEW) {
        entry.pending++;
      } else if (s.counts()) {
        entry.counted++;
      }
    }
    long leases = header.integer("leases");
    for (long i = 0; i < leases; i++) {
      Lease lease = StoreJson.readLease(lines.next());
      InMemoryStore.TaskEntry entry = state.tasks.get(lease.taskId());
      if (entry == null) {
        throw lines.bad("lease on unknown task " + lease.taskId());
      }
      state.openLeases.put(new InMemoryStore.LeaseKey(lease.taskId(), lease.annotatorId()), lease);
      state.leasesByExpiry.add(lease);
      entry.openLeases++;
    }
    long annotators = header.integer("annotators");
    for (long i = 0; i < annotators; i++) {
      StoreJson.Obj a = lines.next();
      InMemoryStore.AnnotatorEntry entry =
          new InMemoryStore.AnnotatorEntry(StoreJson.readAnnotator(a.obj("annotator")));
      entry.assignments = a.int32("assignments");
      entry.goldAssignments = a.int32("gold_assignments");
      entry.goldAnswered = a.int32("gold_answered");
      entry.goldCorrect = a.int32("gold_correct");
      entry.flag =
          a.has("flag") ? Optional.of(StoreJson.readFlag(a.obj("flag"))) : Optional.empty();
      entry.had.addAll(a.stringSet("had"));
      state.annotators.put(entry.annotator.id(), entry);
    }
    if (lines.hasMore()) {
      throw lines.bad("more lines than the header counts");
    }
    for (InMemoryStore.TaskEntry entry : state.tasks.values()) {
      state.requeue(entry);
    }
    return state;
  }

  /** The lines of a snapshot, parsed one by one, with their numbers for messages. */
  private static final class Lines {
    private final String text;
    private int position;
    private int number;

    Lines(String text) {
      this.text = text;
    }

    boolean hasMore() {
      return position < text.length();
    }

    StoreJson.Obj next() {
      if (!hasMore()) {
        throw bad("the snapshot ends early");
      }
      int end = text.indexOf('\n', position);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(position, end);
      position = end + 1;
      number++;
      try {
        return StoreJson.parse(line);
      } catch (StoreJson.BadJson e) {
        throw new StoreJson.BadJson("snapshot line " + number + ": " + e.getMessage(), e);
      }
    }

    StoreJson.BadJson bad(String problem) {
      return new StoreJson.BadJson("snapshot line " + number + ": " + problem, null);
    }
  }
}
