package org.annotationkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.ConsensusPolicy;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.core.validation.ValidationException;

/**
 * The workflow's seeded stateful property, shared by every store: random sequences of actions
 * (next, submit, an invalid submit, expire, skip, review, ask for another annotator, and crash and
 * reopen) on a durable store, mirrored on an {@link InMemoryStore}, with a consensus policy that
 * asks for one more annotator while a task's answers disagree (up to a cap): after every action the
 * invariants hold (no annotator sees an item twice, a task completes with exactly k counted
 * annotations for its current k, which stays between the project's overlap and the cap, and only
 * when its answers agree or k reached the cap; nothing acknowledged is lost, gold looks like any
 * task), and after every reopen the durable store equals the in-memory one. Each store's test calls
 * {@link #run} with its own way to open and crash.
 */
public final class WorkflowStoreProperty {
  private WorkflowStoreProperty() {}

  /** How a test opens its durable store, and what a crash does to it. */
  public interface Durable {
    /**
     * Opens the store (again, after a crash).
     *
     * @return the store
     */
    WorkflowStore open();

    /**
     * What a crash leaves behind, after the store was closed (a torn journal tail, dropped
     * connections); may do nothing.
     *
     * @param random the test's randomness
     */
    void crash(RandomGenerator random);
  }

  /**
   * The seeds to run, printed in each test's name.
   *
   * @return the seeds
   */
  public static Stream<Long> seeds() {
    return Seeds.seeds(16);
  }

  /**
   * What a view shows, to compare two stores.
   *
   * @param store the store
   * @return its state as plain values
   */
  public static List<Object> dump(WorkflowStore store) {
    return store.read(v ->
        List.of(
            v.project(),
            v.tasks(),
            v.submissions(),
            v.openLeases(),
            v.annotators(),
            v.nextTask("alice", Set.of(), false),
            v.nextTask("zed", Set.of(), true)));
  }

  static final Schema SCHEMA =
      Schema.of(
          "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());

  /** A mutable clock the test moves. */
  static final class Clock implements InstantSource {
    Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The label of a choice annotation of {@link #SCHEMA}. */
  static String label(Annotation a) {
    return ((ChoiceValue) a.results().get(0).value()).label();
  }

  /** Asks for one more annotator while a task's accepted answers do not all give one label. */
  static ConsensusPolicy disagreement(int cap) {
    ConsensusPolicy policy =
        check ->
            check.accepted().stream().map(WorkflowStoreProperty::label).distinct().count() > 1
                ? ConsensusPolicy.Verdict.ONE_MORE
                : ConsensusPolicy.Verdict.COMPLETE;
    return policy.upTo(cap);
  }

  /** One workflow on a store, and its store. */
  record Side(WorkflowStore store, Workflow wf) {}

  /**
   * Runs one seeded sequence.
   *
   * @param seed the seed
   * @param durableStore how to open and crash the store under test
   */
  public static void run(long seed, Durable durableStore) {
    RandomGenerator random = Seeds.random(seed);
    int overlap = random.nextInt(1, 4);
    boolean review = random.nextBoolean();
    Project project =
        new Project(
            "p",
            SCHEMA,
            ProjectSettings.builder()
                .overlap(overlap)
                .review(review)
                .gold(random.nextDouble(0, 0.5), seed)
                .leaseDuration(Duration.ofMinutes(10))
                .pay(PayPolicy.perTask("0.10"))
                .build());
    Clock clock = new Clock();
    int cap = overlap + 2;
    InMemoryStore memoryStore = InMemoryStore.create();
    Side memory = side(memoryStore, project, clock, cap);
    Side durable = side(durableStore.open(), project, clock, cap);
    int tasks = random.nextInt(3, 12);
    for (Side s : List.of(memory, durable)) {
      for (int i = 0; i < tasks; i++) {
        s.wf().addTasks(List.of(Task.of(new TextItem("t" + i, "text " + i), overlap)));
      }
      s.wf().addGoldTask(Task.of(new TextItem("g", "gold"), 1), choice("known", "g", "o", "cat"));
    }
    List<String> annotators = List.of("a", "b", "c", "d", "e");
    Map<String, Set<String>> seen = new HashMap<>();
    Map<String, String> held = new HashMap<>(); // annotator -> task
    Set<String> acked = new HashSet<>();
    int ids = 0;
    for (int step = 0; step < 120; step++) {
      Side live = durable;
      String who = annotators.get(random.nextInt(annotators.size()));
      int action = random.nextInt(100);
      if (action < 30) {
        if (held.containsKey(who)) {
          continue;
        }
        Annotator a = new Annotator(who, Annotator.Kind.HUMAN);
        Optional<Assignment> got = live.wf().next(a);
        assertThat(memory.wf().next(a)).isEqualTo(got);
        if (got.isPresent()) {
          Assignment assignment = got.get();
          assertThat(seen.computeIfAbsent(who, k -> new HashSet<>()).add(assignment.taskId()))
              .as("seed %d: %s sees %s once", seed, who, assignment.taskId())
              .isTrue();
          // gold looks like any task: no pre-label, nothing of the known answer
          assertThat(assignment.prelabels()).isEmpty();
          held.put(who, assignment.taskId());
        }
      } else if (action < 60) {
        String task = held.remove(who);
        if (task == null) {
          continue;
        }
        Annotation answer = choice("s" + ids++, task, who, random.nextBoolean() ? "cat" : "dog");
        Object d = outcome(() -> live.wf().submit(answer));
        Object m = outcome(() -> memory.wf().submit(answer));
        assertThat(d).isEqualTo(m);
        if (!(d instanceof String)) {
          acked.add(answer.id());
        }
      } else if (action < 65) {
        String task = held.get(who);
        if (task == null) {
          continue;
        }
        Annotation bad = choice("bad" + ids++, task, who, "horse");
        assertThatThrownBy(() -> live.wf().submit(bad)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> memory.wf().submit(bad)).isInstanceOf(ValidationException.class);
      } else if (action < 72) {
        clock.now = clock.now.plus(Duration.ofMinutes(random.nextInt(1, 15)));
        assertThat(live.wf().expireLeases()).isEqualTo(memory.wf().expireLeases());
        held.entrySet()
            .removeIf(e -> live.store().read(v -> v.openLease(e.getValue(), e.getKey())).isEmpty());
      } else if (action < 78) {
        String task = held.remove(who);
        if (task != null) {
          Object d =
              outcome(() -> {
                live.wf().skip(who, task);
                return "ok";
              });
          assertThat(
                  outcome(() -> {
                    memory.wf().skip(who, task);
                    return "ok";
                  }))
              .isEqualTo(d);
        }
      } else if (action < 87) {
        List<Submission> pending = live.wf().pendingReviews();
        if (pending.isEmpty()) {
          continue;
        }
        Submission s = pending.get(random.nextInt(pending.size()));
        boolean accept = random.nextBoolean();
        for (Side side : List.of(live, memory)) {
          Submission unused =
              accept
                  ? side.wf().accept(s.id(), "reviewer")
                  : side.wf().reject(s.id(), "reviewer", "no");
        }
      } else if (action < 90) {
        // the owner asks for another annotator of a task, complete or not, up to the cap
        String task = "t" + random.nextInt(tasks);
        Object d = outcome(() -> live.wf().requestAnotherAnnotator(task, cap));
        assertThat(outcome(() -> memory.wf().requestAnotherAnnotator(task, cap))).isEqualTo(d);
        assertThat(outcome(() -> live.wf().requestAnotherAnnotator("g", cap)))
            .asString()
            .startsWith("IllegalArgumentException");
      } else {
        // crash and reopen: the durable side loses its process; a torn tail may be left behind
        durable.store().close();
        durableStore.crash(random);
        durable = side(durableStore.open(), project, clock, cap);
        assertThat(dump(durable.store()))
            .as("seed %d: the reopened store after step %d", seed, step)
            .isEqualTo(dump(memoryStore));
      }
      check(seed, durable.store(), acked, overlap, cap);
    }
    durable.store().close();
  }

  private static Side side(WorkflowStore store, Project project, Clock clock, int cap) {
    Workflow.createProject(store, project);
    return new Side(
        store, Workflow.builder(store).clock(clock).consensusPolicy(disagreement(cap)).build());
  }

  private static Annotation choice(String id, String item, String who, String label) {
    return Annotation.builder(id, item, who).result("r", "kind", new ChoiceValue(label)).build();
  }

  /** What an action gave: its result, or the kind and message of what it threw. */
  private static Object outcome(java.util.function.Supplier<Object> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static void check(
      long seed, WorkflowStore store, Set<String> acked, int overlap, int cap) {
    var unused =
        store.read(view -> {
          Set<String> present = new HashSet<>();
          for (Submission s : view.submissions()) {
            present.add(s.id());
          }
          assertThat(present).as("seed %d: nothing acknowledged is lost", seed).containsAll(acked);
          for (TaskStatus t : view.tasks()) {
            long counting =
                view.submissionsOf(t.task().id()).stream().filter(Submission::counts).count();
            assertThat(t.counted()).isEqualTo((int) counting);
            if (!t.gold()) {
              int k = t.task().overlap();
              assertThat(k)
                  .as("seed %d: overlap of %s", seed, t.task().id())
                  .isBetween(overlap, cap);
              assertThat(t.counted() + t.pending() + t.openLeases()).isLessThanOrEqualTo(k);
              assertThat(t.complete())
                  .as("seed %d: task %s completes with exactly k accepted", seed, t.task().id())
                  .isEqualTo(counting == k);
              if (t.complete()) {
                long labels =
                    view.submissionsOf(t.task().id()).stream()
                        .filter(Submission::counts)
                        .map(s -> label(s.effectiveAnnotation().orElseThrow()))
                        .distinct()
                        .count();
                assertThat(labels == 1 || k == cap)
                    .as("seed %d: task %s completes agreeing or at the cap", seed, t.task().id())
                    .isTrue();
              }
            }
          }
          return Boolean.TRUE;
        });
  }
}
