package org.annotationkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.Decided;
import org.annotationkit.core.store.StoreView;
import org.annotationkit.core.store.StoreView.Read;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * {@link StoreView#prefetch} in a decision: the same reads after the hint answer as they do without
 * it, on the state {@link JdbcStoreTest#script} leaves (leases open and ended, submissions pending
 * and reviewed, gold), for seeded random lists of reads of known and unknown ids, duplicates, reads
 * hinted but not made and reads made but not hinted.
 */
class PrefetchTest {

  @Test
  void hintedReadsAnswerAsUnhintedOnes() {
    try (JdbcStore store = Stores.open(Stores.freshSchema())) {
      JdbcStoreTest.script(store);
      List<String> tasks = new ArrayList<>(List.of("no-such-task"));
      List<String> annotators = new ArrayList<>(List.of("nobody"));
      List<String> annotations = new ArrayList<>(List.of("no-such-annotation"));
      Object unused =
          store.read(v -> {
            v.tasks().forEach(t -> tasks.add(t.task().id()));
            v.annotators().forEach(a -> annotators.add(a.annotator().id()));
            v.submissions().forEach(s -> annotations.add(s.annotation().id()));
            v.openLeases().forEach(l -> tasks.add(l.taskId()));
            return null;
          });
      assertThat(annotations).hasSizeGreaterThan(2);
      Random random = new Random(20261206L);
      for (int round = 0; round < 60; round++) {
        List<Read> reads = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int k = 0; k < n; k++) {
          String task = tasks.get(random.nextInt(tasks.size()));
          String who = annotators.get(random.nextInt(annotators.size()));
          reads.add(
              switch (random.nextInt(5)) {
                case 0 ->
                    new Read.SubmissionOf(annotations.get(random.nextInt(annotations.size())));
                case 1 -> new Read.TaskOf(task);
                case 2 -> new Read.OpenLeaseOf(task, who);
                case 3 -> new Read.AnnotatorOf(who);
                default ->
                    new Read.NextTaskFor(
                        who, random.nextBoolean() ? Set.of() : Set.of("x"), random.nextBoolean());
              });
        }
        // the reads made: the hinted ones in order, some left out, one not hinted
        List<Read> made = new ArrayList<>();
        for (Read r : reads) {
          if (random.nextInt(4) != 0) {
            made.add(r);
          }
        }
        made.add(new Read.TaskOf(tasks.get(random.nextInt(tasks.size()))));
        List<Object> plain = store.decide(v -> new Decided<>(answers(v, made), List.of()));
        List<Object> hinted =
            store.decide(v -> {
              v.prefetch(reads);
              return new Decided<>(answers(v, made), List.of());
            });
        assertThat(hinted).as("hint %s, reads %s", reads, made).isEqualTo(plain);
      }
    }
  }

  private static List<Object> answers(StoreView v, List<Read> reads) {
    List<Object> out = new ArrayList<>();
    for (Read r : reads) {
      switch (r) {
        case Read.SubmissionOf s -> {
          java.util.Optional<Submission> submission = v.submission(s.annotationId());
          out.add(submission);
          out.add(v.annotationIdTaken(s.annotationId()));
        }
        case Read.TaskOf t -> {
          java.util.Optional<TaskStatus> status = v.task(t.taskId());
          out.add(status);
          out.add(v.goldAnswer(t.taskId()));
        }
        case Read.OpenLeaseOf l -> {
          java.util.Optional<Lease> lease = v.openLease(l.taskId(), l.annotatorId());
          out.add(lease);
          java.util.Optional<AnnotatorState> state = v.annotator(l.annotatorId());
          out.add(state);
        }
        case Read.AnnotatorOf a -> out.add(v.annotator(a.annotatorId()));
        case Read.NextTaskFor q -> out.add(v.nextTask(q.annotatorId(), q.skills(), q.gold()));
      }
    }
    return out;
  }
}
