package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Review;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.testing.DomainGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variant of {@link StoreEvent} survives the journal encoding unchanged. */
class StoreJsonTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(60);
  }

  /** Random events of every variant, from a seed. */
  static final class Events {
    final DomainGenerator gen;
    final RandomGenerator random;

    Events(long seed) {
      this.random = Seeds.random(seed);
      this.gen = new DomainGenerator(random);
    }

    Instant instant() {
      return Instant.ofEpochSecond(
          random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
    }

    Annotation with(Annotation a, String id, String itemId, Origin origin, ReviewState state) {
      return new Annotation(
          id,
          itemId,
          a.annotatorId(),
          a.results(),
          origin,
          a.createdAt(),
          a.leadTimeSeconds(),
          state);
    }

    Set<String> skills() {
      Set<String> skills = new HashSet<>();
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        skills.add(gen.id("skill"));
      }
      return skills;
    }

    Project project() {
      PayPolicy pay =
          random.nextBoolean()
              ? new PayPolicy.PerTask(BigDecimal.valueOf(random.nextInt(1000), 3))
              : new PayPolicy.Hourly(new BigDecimal("30.50"));
      ProjectSettings settings =
          new ProjectSettings(
              random.nextInt(1, 6),
              random.nextDouble(),
              random.nextLong(),
              random.nextBoolean(),
              Duration.ofMillis(random.nextLong(1, 10_000_000)),
              pay);
      return new Project(gen.id("project"), gen.schema(), settings);
    }

    Task task() {
      Item item = gen.item();
      List<Annotation> prelabels = new ArrayList<>();
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        prelabels.add(
            with(
                gen.anyAnnotation(),
                gen.id("pre") + i,
                item.id(),
                new Origin.Model("m", "1", OptionalDouble.of(random.nextDouble())),
                ReviewState.UNREVIEWED));
      }
      double priority = random.nextBoolean() ? random.nextInt(-5, 5) : random.nextGaussian() * 1e6;
      return new Task(item, random.nextInt(1, 5), priority, skills(), prelabels);
    }

    /** One of the constants, drawn uniformly. */
    <E> E oneOf(E[] constants) {
      return constants[random.nextInt(constants.length)];
    }

    Review review(String annotationId) {
      Review.Verdict verdict = oneOf(Review.Verdict.values());
      Optional<Annotation> correction =
          verdict == Review.Verdict.CORRECT
              ? Optional.of(
                  with(
                      gen.anyAnnotation(),
                      annotationId + "-c",
                      gen.id("item"),
                      new Origin.Human(),
                      ReviewState.CORRECTED))
              : Optional.empty();
      Optional<String> comment =
          random.nextBoolean() ? Optional.of(gen.text(0, 40)) : Optional.empty();
      return new Review(annotationId, gen.id("reviewer"), verdict, correction, comment, instant());
    }

    Submission submission(boolean reviewed) {
      Annotation a = gen.anyAnnotation();
      Submission.GoldOutcome gold =
          reviewed ? Submission.GoldOutcome.NOT_GOLD : oneOf(Submission.GoldOutcome.values());
      boolean awaiting =
          reviewed || (gold == Submission.GoldOutcome.NOT_GOLD && random.nextBoolean());
      double lead = random.nextBoolean() ? random.nextInt(100) : random.nextDouble() * 1000;
      Optional<Review> review = reviewed ? Optional.of(review(a.id())) : Optional.empty();
      return new Submission(a, instant(), lead, awaiting, gold, review);
    }

    Annotator annotator(String id) {
      return new Annotator(id, oneOf(Annotator.Kind.values()), skills());
    }

    Lease lease(String annotatorId) {
      Instant at = instant();
      return new Lease(gen.id("task"), annotatorId, at, at.plusNanos(random.nextLong(1, 1L << 40)));
    }

    StoreEvent event(Class<?> variant) {
      String who = gen.id("annotator");
      return switch (variant.getSimpleName()) {
        case "ProjectCreated" -> new StoreEvent.ProjectCreated(project());
        case "TaskAdded" -> {
          Task task = task();
          yield new StoreEvent.TaskAdded(
              task,
              random.nextBoolean()
                  ? Optional.of(
                      with(
                          gen.anyAnnotation(),
                          gen.id("g"),
                          task.id(),
                          new Origin.Human(),
                          ReviewState.UNREVIEWED))
                  : Optional.empty());
        }
        case "PrioritiesSet" -> {
          Map<String, Double> p = new TreeMap<>();
          int n = random.nextInt(5);
          for (int i = 0; i < n; i++) {
            p.put(gen.id("task"), random.nextGaussian() * 100);
          }
          yield new StoreEvent.PrioritiesSet(p);
        }
        case "LeaseGranted" -> new StoreEvent.LeaseGranted(lease(who), annotator(who));
        case "LeaseEnded" ->
            new StoreEvent.LeaseEnded(
                gen.id("task"), who, instant(), oneOf(StoreEvent.EndReason.values()));
        case "Submitted" -> new StoreEvent.Submitted(submission(false));
        case "Reviewed" -> new StoreEvent.Reviewed(review(gen.id("ann")));
        case "TaskCompleted" -> new StoreEvent.TaskCompleted(gen.id("task"), instant());
        case "OverlapRaised" ->
            new StoreEvent.OverlapRaised(gen.id("task"), random.nextInt(2, 1000), instant());
        case "AnnotatorFlagged" ->
            new StoreEvent.AnnotatorFlagged(
                who, new GoldPolicy.Flag(gen.text(1, 30), random.nextBoolean()), instant());
        case "AnnotatorReinstated" -> new StoreEvent.AnnotatorReinstated(who, instant());
        default -> throw new AssertionError("a new variant needs a generator: " + variant);
      };
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyVariantRoundTripsInOneRecord(long seed) {
    Events events = new Events(seed);
    List<StoreEvent> written = new ArrayList<>();
    for (Class<?> variant : StoreEvent.class.getPermittedSubclasses()) {
      if (StoreEvent.class.isAssignableFrom(variant) && !variant.isEnum()) {
        written.add(events.event(variant));
      }
    }
    assertThat(written).hasSize(11);

    List<StoreEvent> read = StoreJson.readRecord(StoreJson.record(written));

    assertThat(read).isEqualTo(written);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reviewedSubmissionsRoundTrip(long seed) {
    Events events = new Events(seed);
    Submission s = events.submission(true);
    String json = StoreJson.write(out -> StoreJson.submission(out, s));

    assertThat(StoreJson.readSubmission(StoreJson.parse(json))).isEqualTo(s);
  }

  @Test
  void theEncodingIsTheDocumentedOne() {
    StoreEvent event =
        new StoreEvent.LeaseEnded(
            "t1", "alice", Instant.parse("2026-03-01T09:00:00Z"), StoreEvent.EndReason.SKIPPED);

    assertThat(StoreJson.record(List.of(event)))
        .isEqualTo(
            "{\"store_events\":1,\"events\":[{\"type\":\"lease_ended\",\"task_id\":\"t1\","
                + "\"annotator_id\":\"alice\",\"at\":\"2026-03-01T09:00:00Z\","
                + "\"reason\":\"skipped\"}]}");
    assertThat(EnumSet.allOf(StoreEvent.EndReason.class)).hasSize(3);
  }

  /**
   * The golden record of {@code src/test/resources/journal/events/v1/overlap_raised.json}, written
   * by hand from docs/store.md's table (not by this code): this code writes it byte for byte and
   * reads it back to the event it describes.
   */
  @Test
  void overlapRaisedIsTheGoldenRecord() throws java.io.IOException {
    String golden;
    try (java.io.InputStream in =
        java.util.Objects.requireNonNull(
            StoreJsonTest.class.getResourceAsStream("/journal/events/v1/overlap_raised.json"))) {
      golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
    StoreEvent event =
        new StoreEvent.OverlapRaised("t7", 3, Instant.parse("2026-03-01T09:30:00.250Z"));

    assertThat(StoreJson.record(List.of(event))).isEqualTo(golden);
    assertThat(StoreJson.readRecord(golden)).containsExactly(event);
    assertThatThrownBy(() -> StoreJson.readRecord(golden.replace("\"overlap\":3,", "")))
        .hasMessageContaining("/events/0/overlap");
  }

  @Test
  void anotherVersionOrABadFieldIsAClearError() {
    assertThatThrownBy(() -> StoreJson.readRecord("{\"store_events\":2,\"events\":[]}"))
        .hasMessageContaining("unsupported store event version 2");
    assertThatThrownBy(() ->
            StoreJson.readRecord(
                "{\"store_events\":1,\"events\":[{\"type\":\"task_completed\","
                    + "\"task_id\":\"t\",\"at\":\"yesterday\"}]}"))
        .hasMessageContaining("/events/0/at")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(
            () -> StoreJson.readRecord("{\"store_events\":1,\"events\":[{\"type\":\"nope\"}]}"))
        .hasMessageContaining("unknown event type \"nope\"");
  }
}
