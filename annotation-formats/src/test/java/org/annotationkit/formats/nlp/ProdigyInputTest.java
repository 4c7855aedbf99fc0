package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prodigy records sharing an {@code _input_hash} are answers about one input (Prodigy's docs,
 * "Loaders and input data", hashing: the input hash identifies the input, the task hash the
 * question asked about it, e.g. a suggested span in {@code ner.teach}).
 */
class ProdigyInputTest {
  @TempDir Path dir;

  private static final String TOKENS =
      "\"tokens\": [{\"text\": \"Ann\", \"start\": 0, \"end\": 3, \"id\": 0, \"ws\": true},"
          + " {\"text\": \"met\", \"start\": 4, \"end\": 7, \"id\": 1, \"ws\": true},"
          + " {\"text\": \"Bob\", \"start\": 8, \"end\": 11, \"id\": 2, \"ws\": false}]";

  private static String task(int input, int task, String span, String answer, String more) {
    return "{\"text\": \"Ann met Bob\", "
        + TOKENS
        + ", \"spans\": ["
        + span
        + "], \"answer\": \""
        + answer
        + "\", \"_input_hash\": "
        + input
        + ", \"_task_hash\": "
        + task
        + more
        + "}\n";
  }

  private static final String ANN =
      "{\"start\": 0, \"end\": 3, \"label\": \"PER\", \"token_start\": 0, \"token_end\": 0}";
  private static final String BOB =
      "{\"start\": 8, \"end\": 11, \"label\": \"PER\", \"token_start\": 2, \"token_end\": 2}";

  @Test
  void binaryAnswersAboutOneInputAreOneItemWhereverTheyStand() {
    // ner.teach asks one question (one suggested span) per task; two annotators, and another
    // input between the answers.
    String file =
        task(5, 51, ANN, "accept", ", \"_annotator_id\": \"a\"")
            + "{\"text\": \"Other\", \"answer\": \"accept\", \"_input_hash\": 6, \"_task_hash\": 61}\n"
            + task(5, 52, BOB, "reject", ", \"_annotator_id\": \"a\"")
            + task(5, 51, ANN, "accept", ", \"_annotator_id\": \"b\"");
    Io.Read read = Io.read(new ProdigyFormat(), dir, "t.jsonl", file, Map.of());
    assertThat(read.dataset().items()).extracting(i -> i.id()).containsExactly("5", "6");
    TextItem item = (TextItem) read.dataset().items().get(0);
    assertThat(item.text()).isEqualTo("Ann met Bob");
    assertThat(item.metadata()).containsEntry("tokens", "0:3 4:7 8:11");
    List<Annotation> answers = read.dataset().annotationsOf("5");
    assertThat(answers)
        .extracting(Annotation::id, Annotation::annotatorId, Annotation::reviewState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("51", "a", ReviewState.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("52", "a", ReviewState.REJECTED),
            org.assertj.core.groups.Tuple.tuple("51#2", "b", ReviewState.ACCEPTED));
    assertThat(answers.get(1).results().get(0).value())
        .isEqualTo(new SpanValue("PER", 8, 11, java.util.Optional.of("Bob")));
    assertThat(read.report().losses()).isEmpty();

    // Written back: one line per answer, all under the one input hash.
    Io.Written written =
        Io.write(new ProdigyFormat(), read.dataset(), dir.resolve("w.jsonl"), Map.of());
    List<String> lines = written.text().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.stream().filter(l -> l.contains("\"_input_hash\":5,")).count()).isEqualTo(3);
    Io.Read again = Io.read(new ProdigyFormat(), dir.resolve("w.jsonl"), Map.of());
    assertThat(again.dataset().annotationsOf("5"))
        .extracting(Annotation::id, Annotation::reviewState, Annotation::results)
        .containsExactlyElementsOf(
            answers.stream()
                .map(a -> org.assertj.core.groups.Tuple.tuple(a.id(), a.reviewState(), a.results()))
                .toList());
  }

  @Test
  void laterRecordWithOtherTokensIsReportedAndReadAgainstTheInputsTokens() {
    String file =
        task(5, 51, ANN, "accept", "")
            + "{\"text\": \"Ann met Bob\", \"tokens\": [{\"start\": 0, \"end\": 7},"
            + " {\"start\": 8, \"end\": 11}], \"spans\": ["
            + BOB
            + "], \"answer\": \"accept\", \"_input_hash\": 5, \"_task_hash\": 53}\n"
            + "{\"text\": \"Ann met Bob\", \"answer\": \"ignore\", \"_input_hash\": 5,"
            + " \"_task_hash\": 54}\n";
    Io.Read read = Io.read(new ProdigyFormat(), dir, "t.jsonl", file, Map.of());
    assertThat(read.dataset().items()).hasSize(1);
    assertThat(read.dataset().items().get(0).metadata()).containsEntry("tokens", "0:3 4:7 8:11");
    // token_start 2 is Bob in the input's tokens, so the span agrees with them: only the token
    // difference and the ignored answer are reported.
    assertThat(read.report().losses())
        .extracting(Loss::what)
        .containsExactly("tokens differ from the input's", "ignored answer skipped");
    assertThat(read.report().losses().get(0).reason()).contains("line 1");
  }

  @Test
  void oneInputHashForTwoTextsIsAnError() {
    String file =
        task(5, 51, ANN, "accept", "")
            + "{\"text\": \"Bob met Ann\", \"answer\": \"accept\", \"_input_hash\": 5,"
            + " \"_task_hash\": 55}\n";
    assertThatThrownBy(() -> Io.read(new ProdigyFormat(), dir, "t.jsonl", file, Map.of()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("t.jsonl:2 at /text")
        .hasMessageContaining("another text on line 1");
  }
}
