package org.annotationkit.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.ConsensusCheck;
import org.annotationkit.core.task.ConsensusPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consensus policy hooked into a simulated labeling project: weak items get extra annotators
 * until their confidence reaches the threshold or the cap, checked against an independent replay of
 * the stored submissions.
 */
class ConsensusOverlapPolicyTest {

  static final List<String> LABELS = List.of("a", "b", "c");

  static final Schema SCHEMA =
      Schema.of(
          "sim",
          Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("a", "b", "c").build(),
          Field.builder("note", FieldKind.FREE_TEXT).build());

  static final int OVERLAP = 3;
  static final int CAP = 6;
  static final int ITEMS = 60;

  /** Each annotator's probability of the true label; the last one is a spammer answering "a". */
  static final double[] ACCURACY = {0.95, 0.9, 0.85, 0.8, 0.75, 0.65, 0.55, -1};

  static Stream<Long> seeds() {
    return Seeds.seeds(4);
  }

  /**
   * Runs a project to the end: annotators in turn take the next task and answer it at once, from
   * their accuracy, until none gets any more work.
   */
  static Workflow simulate(long seed, ConsensusPolicy policy) {
    RandomGenerator random = Seeds.random(seed);
    InMemoryStore store = InMemoryStore.create();
    Workflow.createProject(
        store, new Project("sim", SCHEMA, ProjectSettings.builder().overlap(OVERLAP).build()));
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T09:00:00Z"));
    Workflow wf = Workflow.builder(store).clock(clock).consensusPolicy(policy).build();
    Map<String, Integer> truth = new HashMap<>();
    List<TextItem> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      items.add(new TextItem("i" + i, "item " + i));
      truth.put("i" + i, random.nextInt(LABELS.size()));
    }
    wf.addItems(items);
    int ids = 0;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int a = 0; a < ACCURACY.length; a++) {
        String who = "w" + a;
        Optional<Assignment> got = wf.next(new Annotator(who, Annotator.Kind.HUMAN));
        if (got.isEmpty()) {
          continue;
        }
        progress = true;
        String task = got.get().taskId();
        int t = truth.getOrDefault(task, 0);
        int label;
        if (ACCURACY[a] < 0) {
          label = 0;
        } else if (random.nextDouble() < ACCURACY[a]) {
          label = t;
        } else {
          label = (t + 1 + random.nextInt(LABELS.size() - 1)) % LABELS.size();
        }
        var unused = wf.submit(answer("s" + ids++, task, who, LABELS.get(label)));
      }
    }
    return wf;
  }

  static Annotation answer(String id, String item, String who, String label) {
    return Annotation.builder(id, item, who).result("r", "kind", new ChoiceValue(label)).build();
  }

  static String label(Submission s) {
    return ((ChoiceValue) s.annotation().results().get(0).value()).label();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void majorityExtendsExactlyTheItemsWhoseVoteShareStaysUnderTheThreshold(long seed) {
    double threshold = 0.75;
    Workflow wf = simulate(seed, ConsensusOverlapPolicy.majority("kind", threshold, CAP));

    // Independent: per item, its labels in the order stored; the overlap starts at 3 and grows
    // while the largest vote share of the first k labels, counted here, is under 3/4.
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (Submission s : wf.submissions()) {
      labels.computeIfAbsent(s.taskId(), k -> new ArrayList<>()).add(label(s));
    }
    int extended = 0;
    for (TaskStatus status : wf.tasks()) {
      List<String> given = labels.getOrDefault(status.task().id(), List.of());
      int k = OVERLAP;
      while (k < CAP && topShare(given.subList(0, k)) < threshold) {
        k++;
      }
      assertThat(status.task().overlap())
          .as("seed %d, item %s", seed, status.task().id())
          .isEqualTo(k);
      assertThat(status.complete()).isTrue();
      assertThat(given).hasSize(k);
      if (k > OVERLAP) {
        extended++;
      }
    }
    assertThat(extended).as("some items were extended").isBetween(1, ITEMS - 1);
  }

  private static double topShare(List<String> labels) {
    Map<String, Integer> counts = new HashMap<>();
    int top = 0;
    for (String l : labels) {
      top = Math.max(top, counts.merge(l, 1, Integer::sum));
    }
    return (double) top / labels.size();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dawidSkeneExtendsTheItemsThatAReplayOfTheProjectFindsWeak(long seed) {
    double threshold = 0.95;
    Workflow wf =
        simulate(seed, ConsensusOverlapPolicy.of("kind", DawidSkene.defaults(), threshold, CAP));

    // Replay the stored submissions in order, away from the workflow and the policy: when an item
    // gets as many answers as its overlap so far, fit Dawid-Skene on every answer stored up to
    // then (a table built here) and extend the item when its posterior is under the threshold.
    List<Submission> log = wf.submissions();
    Map<String, Integer> overlap = new HashMap<>();
    Map<String, Integer> answered = new HashMap<>();
    Map<String, Double> lastConfidence = new HashMap<>();
    int extensions = 0;
    for (int p = 0; p < log.size(); p++) {
      String task = log.get(p).taskId();
      int k = overlap.getOrDefault(task, OVERLAP);
      int j = answered.merge(task, 1, Integer::sum);
      assertThat(j)
          .as("seed %d: %s gets no answer past its overlap", seed, task)
          .isLessThanOrEqualTo(k);
      if (j < k) {
        continue;
      }
      Answers.Builder table = Answers.builder();
      for (Submission s : log.subList(0, p + 1)) {
        table.add(s.taskId(), s.annotation().annotatorId(), label(s));
      }
      Aggregation ds = DawidSkene.defaults().aggregate(table.build());
      double confidence = ds.confidence(ds.items().code(task));
      lastConfidence.put(task, confidence);
      if (confidence < threshold && k < CAP) {
        overlap.put(task, k + 1);
        extensions++;
      }
    }
    int extendedItems = 0;
    for (TaskStatus status : wf.tasks()) {
      String id = status.task().id();
      int expected = overlap.getOrDefault(id, OVERLAP);
      assertThat(status.task().overlap()).as("seed %d, item %s", seed, id).isEqualTo(expected);
      assertThat(status.complete()).isTrue();
      assertThat(status.counted()).isEqualTo(expected);
      // complete with a strong consensus, or at the cap
      assertThat(lastConfidence.getOrDefault(id, 0.0) >= threshold || expected == CAP)
          .as(
              "seed %d, item %s: confidence %s at overlap %d",
              seed, id, lastConfidence.get(id), expected)
          .isTrue();
      if (expected > OVERLAP) {
        extendedItems++;
      }
    }
    assertThat(extensions).isGreaterThanOrEqualTo(extendedItems);
    assertThat(extendedItems).as("seed %d: some items were extended", seed).isBetween(1, ITEMS - 1);
  }

  @Test
  void theProjectsSkillsDecideWhatTheItemsOwnVotesCannot() {
    // Three reliable annotators agree with each other on twenty items; "bad" answers each of
    // them with the label after the true one, a fixed confusion. On item x, bad and r1 said "a",
    // r2 "b": the vote share of "a" is 2/3, under the threshold of 0.8, so majority vote asks for
    // another annotator; Dawid-Skene over the project has learned every annotator's confusions
    // on the other items and is sure of x's label, so it completes the task without one.
    List<Annotation> project = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 20; i++) {
      String l = LABELS.get(i % 3);
      String wrong = LABELS.get((i + 1) % 3);
      for (String who : List.of("r1", "r2", "r3")) {
        project.add(answer("p" + id++, "i" + i, who, l));
      }
      project.add(answer("p" + id++, "i" + i, "bad", wrong));
    }
    List<Annotation> x =
        List.of(
            answer("x1", "x", "bad", "a"),
            answer("x2", "x", "r1", "a"),
            answer("x3", "x", "r2", "b"));
    project.addAll(x);
    ConsensusCheck check = ConsensusCheck.of(Task.of(new TextItem("x", "x"), 3), x, project);

    ConsensusOverlapPolicy byVotes = ConsensusOverlapPolicy.majority("kind", 0.8, 5);
    assertThat(byVotes.confidence(check)).isEqualTo(2.0 / 3);
    assertThat(byVotes.judge(check)).isEqualTo(ConsensusPolicy.Verdict.ONE_MORE);

    ConsensusOverlapPolicy bySkills =
        ConsensusOverlapPolicy.of("kind", DawidSkene.defaults(), 0.8, 5);
    double expected = confidenceOf(DawidSkene.defaults().aggregate(table(project)), "x");
    assertThat(bySkills.confidence(check)).isEqualTo(expected);
    assertThat(expected).isGreaterThan(0.99);
    assertThat(bySkills.judge(check)).isEqualTo(ConsensusPolicy.Verdict.COMPLETE);
    // a task-scoped Dawid-Skene sees only x's own three answers, and no skills
    double taskOnly = confidenceOf(DawidSkene.defaults().aggregate(table(x)), "x");
    assertThat(bySkills.withScope(ConsensusOverlapPolicy.Scope.TASK).confidence(check))
        .isEqualTo(taskOnly);
    assertThat(taskOnly).isLessThan(0.8);
    // at the cap the policy completes whatever the confidence
    assertThat(ConsensusOverlapPolicy.majority("kind", 0.8, 3).judge(check))
        .isEqualTo(ConsensusPolicy.Verdict.COMPLETE);
  }

  private static Answers table(List<Annotation> annotations) {
    Answers.Builder b = Answers.builder();
    for (Annotation a : annotations) {
      b.add(a.itemId(), a.annotatorId(), ((ChoiceValue) a.results().get(0).value()).label());
    }
    return b.build();
  }

  private static double confidenceOf(Aggregation result, String item) {
    return result.confidence(result.items().code(item));
  }

  @Test
  void answersWithoutTheFieldDoNotCountAndOtherKindsAreNamed() {
    Task task = Task.of(new TextItem("x", "x"), 2);
    Annotation note =
        Annotation.builder("n1", "x", "u").result("r", "note", new FreeTextValue("hm")).build();
    ConsensusCheck none = ConsensusCheck.of(task, List.of(note), List.of(note));
    ConsensusOverlapPolicy policy = ConsensusOverlapPolicy.majority("kind", 0.5, 4);
    assertThat(policy.confidence(none)).isZero();
    assertThat(policy.judge(none)).isEqualTo(ConsensusPolicy.Verdict.ONE_MORE);
    ConsensusCheck wrongField = ConsensusCheck.of(task, List.of(note), List.of(note));
    assertThatThrownBy(() -> ConsensusOverlapPolicy.majority("note", 0.5, 4).confidence(wrongField))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotation 'n1' answers field 'note' with a FreeTextValue");
    assertThatThrownBy(() -> ConsensusOverlapPolicy.of("kind", DawidSkene.defaults(), 1.5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> ConsensusOverlapPolicy.of("kind", DawidSkene.defaults(), 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxOverlap");
  }
}
