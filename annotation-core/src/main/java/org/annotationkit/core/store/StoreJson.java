package org.annotationkit.core.store;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonCodec;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Review;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON of the store's values (events, and the parts of a snapshot), version {@value #VERSION}:
 * documented in {@link JournalStore} and {@code docs/store.md}. Schemas, items and annotations are
 * embedded as core's canonical JSON objects; instants and durations are ISO-8601 strings; money is
 * a decimal string; enums are lower case.
 */
final class StoreJson {
  private StoreJson() {}

  /** The version of the event and snapshot encoding. */
  static final int VERSION = 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  /** Field names whose object values are core canonical JSON, kept as raw text when reading. */
  private static final Set<String> RAW =
      Set.of("schema", "item", "annotation", "correction", "gold_answer", "prelabels");

  private static final JsonCodec<Annotation> ANNOTATIONS = CanonicalJson.annotations();

  // ---------------------------------------------------------------- writing

  /** Writes JSON through a generator. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator out);
  }

  static String write(Body body) {
    StringWriter text = new StringWriter(256);
    write(text, body);
    return text.toString();
  }

  static void write(Writer text, Body body) {
    try (JsonGenerator out = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      body.write(out);
    } catch (JacksonException e) {
      throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
    }
  }

  /** One journal record: the events of one decision. */
  static String record(List<StoreEvent> events) {
    return write(out -> {
      out.writeStartObject();
      out.writeNumberProperty("store_events", VERSION);
      out.writeName("events");
      out.writeStartArray();
      for (StoreEvent event : events) {
        event(out, event);
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  static void event(JsonGenerator out, StoreEvent event) {
    out.writeStartObject();
    switch (event) {
      case StoreEvent.ProjectCreated e -> {
        out.writeStringProperty("type", "project_created");
        out.writeName("project");
        project(out, e.project());
      }
      case StoreEvent.TaskAdded e -> {
        out.writeStringProperty("type", "task_added");
        out.writeName("task");
        task(out, e.task());
        if (e.goldAnswer().isPresent()) {
          out.writeName("gold_answer");
          out.writeRawValue(ANNOTATIONS.write(e.goldAnswer().get()));
        }
      }
      case StoreEvent.PrioritiesSet e -> {
        out.writeStringProperty("type", "priorities_set");
        out.writeName("priorities");
        out.writeStartObject();
        for (Map.Entry<String, Double> p : e.priorities().entrySet()) {
          out.writeNumberProperty(p.getKey(), p.getValue());
        }
        out.writeEndObject();
      }
      case StoreEvent.LeaseGranted e -> {
        out.writeStringProperty("type", "lease_granted");
        out.writeName("lease");
        lease(out, e.lease());
        out.writeName("annotator");
        annotator(out, e.annotator());
      }
      case StoreEvent.LeaseEnded e -> {
        out.writeStringProperty("type", "lease_ended");
        out.writeStringProperty("task_id", e.taskId());
        out.writeStringProperty("annotator_id", e.annotatorId());
        out.writeStringProperty("at", e.at().toString());
        out.writeStringProperty("reason", lower(e.reason()));
      }
      case StoreEvent.Submitted e -> {
        out.writeStringProperty("type", "submitted");
        out.writeName("submission");
        submission(out, e.submission());
      }
      case StoreEvent.Reviewed e -> {
        out.writeStringProperty("type", "reviewed");
        out.writeName("review");
        review(out, e.review());
      }
      case StoreEvent.TaskCompleted e -> {
        out.writeStringProperty("type", "task_completed");
        out.writeStringProperty("task_id", e.taskId());
        out.writeStringProperty("at", e.at().toString());
      }
      case StoreEvent.OverlapRaised e -> {
        out.writeStringProperty("type", "overlap_raised");
        out.writeStringProperty("task_id", e.taskId());
        out.writeNumberProperty("overlap", e.overlap());
        out.writeStringProperty("at", e.at().toString());
      }
      case StoreEvent.AnnotatorFlagged e -> {
        out.writeStringProperty("type", "annotator_flagged");
        out.writeStringProperty("annotator_id", e.annotatorId());
        out.writeName("flag");
        flag(out, e.flag());
        out.writeStringProperty("at", e.at().toString());
      }
      case StoreEvent.AnnotatorReinstated e -> {
        out.writeStringProperty("type", "annotator_reinstated");
        out.writeStringProperty("annotator_id", e.annotatorId());
        out.writeStringProperty("at", e.at().toString());
      }
    }
    out.writeEndObject();
  }

  static void project(JsonGenerator out, Project project) {
    out.writeStartObject();
    out.writeStringProperty("id", project.id());
    out.writeName("schema");
    out.writeRawValue(CanonicalJson.schemas().write(project.schema()));
    ProjectSettings s = project.settings();
    out.writeName("settings");
    out.writeStartObject();
    out.writeNumberProperty("overlap", s.overlap());
    out.writeNumberProperty("gold_rate", s.goldRate());
    out.writeNumberProperty("gold_seed", s.goldSeed());
    out.writeBooleanProperty("review", s.review());
    out.writeStringProperty("lease", s.leaseDuration().toString());
    out.writeName("pay");
    out.writeStartObject();
    switch (s.pay()) {
      case PayPolicy.PerTask p -> {
        out.writeStringProperty("kind", "per_task");
        out.writeStringProperty("amount", p.amount().toPlainString());
      }
      case PayPolicy.Hourly h -> {
        out.writeStringProperty("kind", "hourly");
        out.writeStringProperty("amount", h.ratePerHour().toPlainString());
      }
    }
    out.writeEndObject();
    out.writeEndObject();
    out.writeEndObject();
  }

  static void task(JsonGenerator out, Task task) {
    out.writeStartObject();
    out.writeName("item");
    out.writeRawValue(CanonicalJson.items().write(task.item()));
    out.writeNumberProperty("overlap", task.overlap());
    out.writeNumberProperty("priority", task.priority());
    strings(out, "skills", task.requiredSkills());
    out.writeName("prelabels");
    out.writeStartArray();
    for (Annotation prelabel : task.prelabels()) {
      out.writeRawValue(ANNOTATIONS.write(prelabel));
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  static void lease(JsonGenerator out, Lease lease) {
    out.writeStartObject();
    out.writeStringProperty("task_id", lease.taskId());
    out.writeStringProperty("annotator_id", lease.annotatorId());
    out.writeStringProperty("granted_at", lease.grantedAt().toString());
    out.writeStringProperty("expires_at", lease.expiresAt().toString());
    out.writeEndObject();
  }

  static void annotator(JsonGenerator out, Annotator annotator) {
    out.writeStartObject();
    out.writeStringProperty("id", annotator.id());
    out.writeStringProperty("kind", annotator.kind().jsonName());
    strings(out, "skills", annotator.skills());
    out.writeEndObject();
  }

  static void submission(JsonGenerator out, Submission s) {
    out.writeStartObject();
    out.writeName("annotation");
    out.writeRawValue(ANNOTATIONS.write(s.annotation()));
    out.writeStringProperty("submitted_at", s.submittedAt().toString());
    out.writeNumberProperty("lead_time_seconds", s.leadTimeSeconds());
    out.writeBooleanProperty("awaiting_review", s.awaitingReview());
    out.writeStringProperty("gold", lower(s.gold()));
    if (s.review().isPresent()) {
      out.writeName("review");
      review(out, s.review().get());
    }
    out.writeEndObject();
  }

  static void review(JsonGenerator out, Review r) {
    out.writeStartObject();
    out.writeStringProperty("annotation_id", r.annotationId());
    out.writeStringProperty("reviewer_id", r.reviewerId());
    out.writeStringProperty("verdict", lower(r.verdict()));
    if (r.correction().isPresent()) {
      out.writeName("correction");
      out.writeRawValue(ANNOTATIONS.write(r.correction().get()));
    }
    if (r.comment().isPresent()) {
      out.writeStringProperty("comment", r.comment().get());
    }
    out.writeStringProperty("reviewed_at", r.reviewedAt().toString());
    out.writeEndObject();
  }

  static void flag(JsonGenerator out, GoldPolicy.Flag flag) {
    out.writeStartObject();
    out.writeStringProperty("reason", flag.reason());
    out.writeBooleanProperty("suspend", flag.suspend());
    out.writeEndObject();
  }

  static void strings(JsonGenerator out, String name, Iterable<String> values) {
    out.writeName(name);
    out.writeStartArray();
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- reading

  /** Core canonical JSON kept as text, read by its codec when asked for. */
  record Raw(String json) {}

  /** A problem in the stored JSON, with the JSON pointer of the value. */
  static final class BadJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadJson(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /** An object read from stored JSON, with its JSON pointer for messages. */
  static final class Obj {
    final String pointer;
    final Map<String, Object> fields;

    Obj(String pointer, Map<String, Object> fields) {
      this.pointer = pointer;
      this.fields = fields;
    }

    private BadJson bad(String name, String problem) {
      return new BadJson("at " + pointer + "/" + name + ": " + problem, null);
    }

    private Object need(String name) {
      Object value = fields.get(name);
      if (value == null) {
        throw bad(name, "missing");
      }
      return value;
    }

    boolean has(String name) {
      return fields.get(name) != null;
    }

    String str(String name) {
      if (need(name) instanceof String s) {
        return s;
      }
      throw bad(name, "expected a string");
    }

    Optional<String> optStr(String name) {
      return has(name) ? Optional.of(str(name)) : Optional.empty();
    }

    long integer(String name) {
      if (need(name) instanceof Long l) {
        return l;
      }
      throw bad(name, "expected an integer");
    }

    int int32(String name) {
      return Math.toIntExact(integer(name));
    }

    double number(String name) {
      if (need(name) instanceof Number n) {
        return n.doubleValue();
      }
      throw bad(name, "expected a number");
    }

    boolean bool(String name) {
      if (need(name) instanceof Boolean b) {
        return b;
      }
      throw bad(name, "expected true or false");
    }

    Instant instant(String name) {
      String text = str(name);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw bad(name, "expected an ISO-8601 instant, got \"" + text + "\"");
      }
    }

    Obj obj(String name) {
      if (need(name) instanceof Obj o) {
        return o;
      }
      throw bad(name, "expected an object");
    }

    List<?> list(String name) {
      if (need(name) instanceof List<?> l) {
        return l;
      }
      throw bad(name, "expected an array");
    }

    List<Obj> objs(String name) {
      List<Obj> out = new ArrayList<>();
      for (Object element : list(name)) {
        if (!(element instanceof Obj o)) {
          throw bad(name, "expected an array of objects");
        }
        out.add(o);
      }
      return out;
    }

    Set<String> stringSet(String name) {
      Set<String> out = new TreeSet<>();
      for (Object element : list(name)) {
        if (!(element instanceof String s)) {
          throw bad(name, "expected an array of strings");
        }
        out.add(s);
      }
      return out;
    }

    <T> T raw(String name, JsonCodec<T> codec) {
      if (need(name) instanceof Raw r) {
        return parseRaw(name, r, codec);
      }
      throw bad(name, "expected an object");
    }

    List<Annotation> rawAnnotations(String name) {
      List<Annotation> out = new ArrayList<>();
      for (Object element : list(name)) {
        if (!(element instanceof Raw r)) {
          throw bad(name, "expected an array of annotation objects");
        }
        out.add(parseRaw(name + "/" + out.size(), r, ANNOTATIONS));
      }
      return out;
    }

    private <T> T parseRaw(String name, Raw r, JsonCodec<T> codec) {
      try {
        return codec.read(r.json());
      } catch (FormatException | IllegalArgumentException e) {
        throw new BadJson("at " + pointer + "/" + name + ": " + e.getMessage(), e);
      }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
      String text = str(name);
      try {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(name, "unknown value \"" + text + "\"");
      }
    }

    /** Builds a value, turning a failed check of its constructor into a message with a pointer. */
    <T> T build(java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
        throw new BadJson("at " + pointer + ": " + e.getMessage(), e);
      }
    }
  }

  /** Parses one JSON object, keeping the objects under {@link #RAW} names as text. */
  static Obj parse(String json) {
    try (JsonParser in = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new BadJson("expected a JSON object", null);
      }
      Obj obj = readObject(in, json, "");
      if (in.nextToken() != null) {
        throw new BadJson("expected the end after the object", null);
      }
      return obj;
    } catch (JacksonException e) {
      throw new BadJson("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Obj readObject(JsonParser in, String json, String pointer) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (JsonToken t = in.nextToken(); t != JsonToken.END_OBJECT; t = in.nextToken()) {
      String name = in.currentName();
      in.nextToken();
      fields.put(name, readValue(in, json, pointer + "/" + escape(name), RAW.contains(name)));
    }
    return new Obj(pointer, fields);
  }

  private static @Nullable Object readValue(
      JsonParser in, String json, String pointer, boolean raw) {
    JsonToken token = in.currentToken();
    return switch (token) {
      case START_OBJECT -> {
        if (raw) {
          int start = (int) in.currentTokenLocation().getCharOffset();
          in.skipChildren();
          int end = (int) in.currentTokenLocation().getCharOffset() + 1;
          yield new Raw(json.substring(start, end));
        }
        yield readObject(in, json, pointer);
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
          Object element = readValue(in, json, pointer + "/" + list.size(), raw);
          if (element == null) {
            throw new BadJson("at " + pointer + ": null in an array", null);
          }
          list.add(element);
        }
        yield list;
      }
      case VALUE_STRING -> in.getString();
      case VALUE_NUMBER_INT -> in.getLongValue();
      case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new BadJson("at " + pointer + ": unexpected " + token, null);
    };
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** The events of one journal record. */
  static List<StoreEvent> readRecord(String json) {
    Obj record = parse(json);
    long version = record.integer("store_events");
    if (version != VERSION) {
      throw new BadJson(
          "unsupported store event version " + version + "; this reader reads version " + VERSION,
          null);
    }
    List<StoreEvent> events = new ArrayList<>();
    for (Obj event : record.objs("events")) {
      events.add(readEvent(event));
    }
    return events;
  }

  static StoreEvent readEvent(Obj e) {
    String type = e.str("type");
    return switch (type) {
      case "project_created" -> new StoreEvent.ProjectCreated(readProject(e.obj("project")));
      case "task_added" -> {
        Task task = readTask(e.obj("task"));
        Optional<Annotation> gold =
            e.has("gold_answer")
                ? Optional.of(e.raw("gold_answer", ANNOTATIONS))
                : Optional.empty();
        yield e.build(() -> new StoreEvent.TaskAdded(task, gold));
      }
      case "priorities_set" -> {
        Obj p = e.obj("priorities");
        Map<String, Double> priorities = new TreeMap<>();
        for (String id : p.fields.keySet()) {
          priorities.put(id, p.number(id));
        }
        yield e.build(() -> new StoreEvent.PrioritiesSet(priorities));
      }
      case "lease_granted" -> {
        Lease lease = readLease(e.obj("lease"));
        Annotator annotator = readAnnotator(e.obj("annotator"));
        yield e.build(() -> new StoreEvent.LeaseGranted(lease, annotator));
      }
      case "lease_ended" ->
          e.build(() ->
              new StoreEvent.LeaseEnded(
                  e.str("task_id"),
                  e.str("annotator_id"),
                  e.instant("at"),
                  e.enumValue("reason", StoreEvent.EndReason.class)));
      case "submitted" -> {
        Submission s = readSubmission(e.obj("submission"));
        yield e.build(() -> new StoreEvent.Submitted(s));
      }
      case "reviewed" -> new StoreEvent.Reviewed(readReview(e.obj("review")));
      case "task_completed" ->
          e.build(() -> new StoreEvent.TaskCompleted(e.str("task_id"), e.instant("at")));
      case "overlap_raised" ->
          e.build(() ->
              new StoreEvent.OverlapRaised(e.str("task_id"), e.int32("overlap"), e.instant("at")));
      case "annotator_flagged" -> {
        GoldPolicy.Flag flag = readFlag(e.obj("flag"));
        yield e.build(
            () -> new StoreEvent.AnnotatorFlagged(e.str("annotator_id"), flag, e.instant("at")));
      }
      case "annotator_reinstated" ->
          e.build(() -> new StoreEvent.AnnotatorReinstated(e.str("annotator_id"), e.instant("at")));
      default ->
          throw new BadJson("at " + e.pointer + "/type: unknown event type \"" + type + "\"", null);
    };
  }

  static Project readProject(Obj p) {
    Obj s = p.obj("settings");
    Obj pay = s.obj("pay");
    String kind = pay.str("kind");
    BigDecimal amount;
    try {
      amount = new BigDecimal(pay.str("amount"));
    } catch (NumberFormatException e) {
      throw new BadJson("at " + pay.pointer + "/amount: not a decimal number", e);
    }
    PayPolicy policy =
        switch (kind) {
          case "per_task" -> pay.build(() -> new PayPolicy.PerTask(amount));
          case "hourly" -> pay.build(() -> new PayPolicy.Hourly(amount));
          default ->
              throw new BadJson("at " + pay.pointer + "/kind: unknown pay \"" + kind + "\"", null);
        };
    Duration lease;
    try {
      lease = Duration.parse(s.str("lease"));
    } catch (DateTimeParseException e) {
      throw new BadJson("at " + s.pointer + "/lease: not an ISO-8601 duration", e);
    }
    ProjectSettings settings =
        s.build(() ->
            new ProjectSettings(
                s.int32("overlap"),
                s.number("gold_rate"),
                s.integer("gold_seed"),
                s.bool("review"),
                lease,
                policy));
    return p.build(
        () -> new Project(p.str("id"), p.raw("schema", CanonicalJson.schemas()), settings));
  }

  static Task readTask(Obj t) {
    return t.build(() ->
        new Task(
            t.raw("item", CanonicalJson.items()),
            t.int32("overlap"),
            t.number("priority"),
            t.stringSet("skills"),
            t.rawAnnotations("prelabels")));
  }

  static Lease readLease(Obj l) {
    return l.build(() ->
        new Lease(
            l.str("task_id"),
            l.str("annotator_id"),
            l.instant("granted_at"),
            l.instant("expires_at")));
  }

  static Annotator readAnnotator(Obj a) {
    String kindName = a.str("kind");
    Annotator.Kind kind =
        Annotator.Kind.ofJsonName(kindName)
            .orElseThrow(() ->
                new BadJson("at " + a.pointer + "/kind: unknown kind \"" + kindName + "\"", null));
    return a.build(() -> new Annotator(a.str("id"), kind, a.stringSet("skills")));
  }

  static Submission readSubmission(Obj s) {
    Optional<Review> review =
        s.has("review") ? Optional.of(readReview(s.obj("review"))) : Optional.empty();
    return s.build(() ->
        new Submission(
            s.raw("annotation", ANNOTATIONS),
            s.instant("submitted_at"),
            s.number("lead_time_seconds"),
            s.bool("awaiting_review"),
            s.enumValue("gold", Submission.GoldOutcome.class),
            review));
  }

  static Review readReview(Obj r) {
    Optional<Annotation> correction =
        r.has("correction") ? Optional.of(r.raw("correction", ANNOTATIONS)) : Optional.empty();
    return r.build(() ->
        new Review(
            r.str("annotation_id"),
            r.str("reviewer_id"),
            r.enumValue("verdict", Review.Verdict.class),
            correction,
            r.optStr("comment"),
            r.instant("reviewed_at")));
  }

  static GoldPolicy.Flag readFlag(Obj f) {
    return f.build(() -> new GoldPolicy.Flag(f.str("reason"), f.bool("suspend")));
  }
}
