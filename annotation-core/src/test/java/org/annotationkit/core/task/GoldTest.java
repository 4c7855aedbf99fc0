package org.annotationkit.core.task;

import static org.annotationkit.core.task.Fixtures.choice;
import static org.annotationkit.core.task.Fixtures.human;
import static org.annotationkit.core.task.Fixtures.image;
import static org.annotationkit.core.task.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.store.InMemoryStore;
import org.junit.jupiter.api.Test;

class GoldTest {

  private final ManualClock clock = new ManualClock();

  private static Annotation boxes(String id, Box... boxes) {
    Annotation.Builder b = Annotation.builder(id, "img", "u");
    for (int i = 0; i < boxes.length; i++) {
      b.result("r" + i, "objects", new BoxValue("car", boxes[i]));
    }
    return b.build();
  }

  private static Annotation spans(String id, SpanValue... spans) {
    Annotation.Builder b = Annotation.builder(id, "doc", "u");
    for (int i = 0; i < spans.length; i++) {
      b.result("r" + i, "entities", spans[i]);
    }
    return b.build();
  }

  @Test
  void choicesMatchExactly() {
    GoldMatcher m = GoldMatcher.standard();

    assertThat(m.matches(choice("a", "i", "u", "cat"), choice("k", "i", "o", "cat"))).isTrue();
    assertThat(m.matches(choice("a", "i", "u", "dog"), choice("k", "i", "o", "cat"))).isFalse();
    Annotation both =
        Annotation.builder("a", "i", "u")
            .result("r", "kind", MultipleChoiceValue.of("dog", "cat"))
            .build();
    Annotation known =
        Annotation.builder("k", "i", "o")
            .result("x", "kind", MultipleChoiceValue.of("cat", "dog"))
            .build();
    assertThat(m.matches(both, known)).isTrue();
  }

  @Test
  void aFieldAnsweredOnlyByOneSideIsAMismatch() {
    Annotation known = choice("k", "img", "o", "cat");
    Annotation more =
        Annotation.builder("a", "img", "u")
            .result("r1", "kind", new org.annotationkit.core.annotation.ChoiceValue("cat"))
            .result("r2", "objects", new BoxValue("car", Box.of(0, 0, 10, 10)))
            .build();

    assertThat(GoldMatcher.standard().matches(more, known)).isFalse();
  }

  @Test
  void regionsMatchOneToOneAtTheIouThreshold() {
    // IoU of (0,0,10,10) and (0,0,10,8): intersection 80, union 100, so 0.8 (computed by hand).
    Annotation known = boxes("k", Box.of(0, 0, 10, 10), Box.of(100, 100, 20, 20));
    Annotation answer = boxes("a", Box.of(100, 100, 20, 20), Box.of(0, 0, 10, 8));

    assertThat(GoldMatcher.builder().iouThreshold(0.8).build().matches(answer, known)).isTrue();
    assertThat(GoldMatcher.builder().iouThreshold(0.81).build().matches(answer, known)).isFalse();
    // Two answers on one known box cannot both match it.
    Annotation twice = boxes("a", Box.of(0, 0, 10, 10), Box.of(0, 0, 10, 9));
    assertThat(GoldMatcher.standard().matches(twice, known)).isFalse();
    assertThat(GoldMatcher.standard().matches(boxes("a", Box.of(0, 0, 10, 10)), known)).isFalse();
  }

  @Test
  void spansMatchExactlyOrByIntervalIou() {
    Annotation known = spans("k", new SpanValue("PER", 0, 12));
    Annotation shifted = spans("a", new SpanValue("PER", 0, 9));
    Annotation otherLabel = spans("a", new SpanValue("LOC", 0, 12));

    assertThat(GoldMatcher.standard().matches(spans("a", new SpanValue("PER", 0, 12)), known))
        .isTrue();
    assertThat(GoldMatcher.standard().matches(shifted, known)).isFalse();
    // 9 common code points of 12 covered: 0.75.
    assertThat(GoldMatcher.builder().spanThreshold(0.75).build().matches(shifted, known)).isTrue();
    assertThat(GoldMatcher.builder().spanThreshold(0.76).build().matches(shifted, known)).isFalse();
    assertThat(GoldMatcher.builder().spanThreshold(0.1).build().matches(otherLabel, known))
        .isFalse();
  }

  @Test
  void goldIsMixedInScoredAndNeverRevealed() {
    List<String> answered = new ArrayList<>();
    WorkflowListener listener =
        new WorkflowListener() {
          @Override
          public void goldAnswered(
              String annotationId, String taskId, boolean correct, GoldStanding standing) {
            answered.add(
                taskId + ":" + correct + ":" + standing.correct() + "/" + standing.answered());
          }
        };
    Workflow wf = Fixtures.workflow(settings().gold(1.0, 7).build(), clock, listener);
    wf.addItems(List.of(image("a"), image("b"), image("c")));
    wf.addGoldTask(Task.of(image("g1"), 1), choice("k1", "g1", "owner", "cat"));
    wf.addGoldTask(Task.of(image("g2"), 1), choice("k2", "g2", "owner", "dog"));

    Assignment first = wf.next(human("u")).orElseThrow();
    Assignment second = wf.next(human("u")).orElseThrow();
    Assignment third = wf.next(human("u")).orElseThrow();

    assertThat(List.of(first.taskId(), second.taskId(), third.taskId()))
        .containsExactly("g1", "g2", "a");
    assertThat(first)
        .isEqualTo(
            Assignment.of(
                Task.of(image("g1"), 1),
                new Lease(
                    "g1",
                    "u",
                    clock.instant(),
                    clock.instant().plus(java.time.Duration.ofMinutes(1)))));
    Receipt r1 = wf.submit(choice("s1", "g1", "u", "cat"));
    Receipt r2 = wf.submit(choice("s2", "g2", "u", "bird"));
    Receipt r3 = wf.submit(choice("s3", "a", "u", "bird"));
    assertThat(r1.getClass()).isEqualTo(r3.getClass());
    assertThat(answered).containsExactly("g1:true:1/1", "g2:false:1/2");
    assertThat(wf.goldStanding("u").accuracy()).hasValue(0.5);
    assertThat(wf.export().items()).extracting(i -> i.id()).containsExactly("a", "b", "c");
    assertThat(wf.export().annotations()).extracting(Annotation::id).containsExactly("s3");
    assertThat(r2.taskId()).isEqualTo("g2");
  }

  @Test
  void goldIsNotHandedOutOnceRegularWorkIsGone() {
    Workflow wf = Fixtures.workflow(settings().overlap(2).gold(1.0, 7).build(), clock);
    wf.addItems(List.of(image("a")));
    wf.addGoldTask(Task.of(image("g1"), 1), choice("k1", "g1", "owner", "cat"));
    wf.addGoldTask(Task.of(image("g2"), 1), choice("k2", "g2", "owner", "cat"));
    for (String annotator : List.of("u", "v")) {
      assertThat(wf.next(human(annotator)).orElseThrow().taskId()).isEqualTo("g1");
      assertThat(wf.next(human(annotator)).orElseThrow().taskId()).isEqualTo("g2");
      assertThat(wf.next(human(annotator)).orElseThrow().taskId()).isEqualTo("a");
    }
    // "a" is leased to u and v, its overlap; so w gets nothing, not even the gold items, which
    // would otherwise be all a late annotator ever sees.
    assertThat(wf.next(human("w"))).isEmpty();
  }

  @Test
  void theGoldRateDecidesTheShareOfGoldAssignments() {
    // 2000 regular tasks, 2000 gold ones; at rate 0.25 about a quarter of the first 1000
    // assignments are gold: binomial(1000, 0.25) has standard deviation 13.7, so 250 +- 60 is a
    // 4.4-sigma band.
    InMemoryStore store = InMemoryStore.create();
    Workflow.createProject(
        store, new Project("p", Fixtures.SCHEMA, settings().gold(0.25, 42).build()));
    Workflow wf = Workflow.builder(store).clock(clock).build();
    List<org.annotationkit.core.item.Item> items = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      items.add(image("t" + i));
    }
    wf.addItems(items);
    for (int i = 0; i < 2000; i++) {
      wf.addGoldTask(Task.of(image("g" + i), 1), choice("k" + i, "g" + i, "owner", "cat"));
    }
    int gold = 0;
    for (int i = 0; i < 1000; i++) {
      if (wf.next(human("u")).orElseThrow().taskId().startsWith("g")) {
        gold++;
      }
    }
    assertThat(gold).isBetween(190, 310);
  }

  @Test
  void thePolicySuspendsAnAnnotatorUnder80PercentAfter10GoldItems() {
    List<String> flagged = new ArrayList<>();
    WorkflowListener listener =
        new WorkflowListener() {
          @Override
          public void annotatorFlagged(GoldStanding standing, GoldPolicy.Flag flag) {
            flagged.add(standing.annotatorId() + " " + flag.suspend() + " " + flag.reason());
          }
        };
    InMemoryStore store = InMemoryStore.create();
    Workflow.createProject(
        store, new Project("p", Fixtures.SCHEMA, settings().gold(1.0, 1).build()));
    Workflow wf =
        Workflow.builder(store)
            .clock(clock)
            .goldPolicy(GoldPolicy.suspendBelow(0.8, 10))
            .listener(listener)
            .build();
    List<org.annotationkit.core.item.Item> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(image("t" + i));
    }
    wf.addItems(items);
    for (int i = 0; i < 12; i++) {
      wf.addGoldTask(Task.of(image("g" + i), 1), choice("k" + i, "g" + i, "owner", "cat"));
    }
    // 7 right of the first 9: 78% but under 10 gold items, so not judged yet.
    for (int i = 0; i < 9; i++) {
      Assignment a = wf.next(human("u")).orElseThrow();
      Receipt unused = wf.submit(choice("s" + i, a.taskId(), "u", i < 7 ? "cat" : "dog"));
    }
    assertThat(flagged).isEmpty();
    Assignment tenth = wf.next(human("u")).orElseThrow();
    Receipt unused = wf.submit(choice("s9", tenth.taskId(), "u", "cat"));
    // 8 of 10 is 80%: kept.
    assertThat(flagged).isEmpty();
    Assignment eleventh = wf.next(human("u")).orElseThrow();
    Receipt unused2 = wf.submit(choice("s10", eleventh.taskId(), "u", "dog"));

    assertThat(flagged)
        .containsExactly("u true gold accuracy 8/11 is under 0.8 after 11 gold items");
    assertThat(wf.next(human("u"))).isEqualTo(Optional.empty());
    wf.reinstate("u");
    assertThat(wf.next(human("u"))).isPresent();
  }
}
