package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annotate select}, {@code review} and {@code simulate} as issue 12 specifies them. */
class ActiveLearningCommandsTest {
  @TempDir Path temp;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  private Path probs() throws IOException {
    return write(
        "probs.csv",
        "id,cat,dog,bird",
        "a,0.5,0.3,0.2",
        "b,0.1,0.7,0.2",
        "c,0.5,0.3,0.2",
        "d,0.9,0.05,0.05");
  }

  @Test
  void selectWritesRankIdScoreWithTiesToTheEarlierRow() throws IOException {
    Cli.Run run = run("select", "--scores", probs().toString(), "--strategy", "margin", "--k", "3");
    assertThat(run.exitCode()).isZero();
    // margin utility 1 - (p1 - p2): a 0.8, c 0.8 (after a), b 0.5
    assertThat(run.out().lines()).containsExactly("rank,id,score", "1,a,0.8", "2,c,0.8", "3,b,0.5");
  }

  @Test
  void selectSkipsLabeledItemsAndDividesByCost() throws IOException {
    Path labeled = write("labeled.txt", "a");
    Path costs = write("costs.csv", "id,cost", "a,1", "b,1", "c,4", "d,1");
    Cli.Run run =
        run(
            "select",
            "--scores",
            probs().toString(),
            "--strategy",
            "least-confidence",
            "--k",
            "2",
            "--labeled",
            labeled.toString(),
            "--costs",
            costs.toString(),
            "--output",
            temp.resolve("picks.csv").toString());
    assertThat(run.exitCode()).isZero();
    // b 0.3 / 1, c 0.5 / 4 = 0.125, d 0.1 / 1
    assertThat(Files.readAllLines(temp.resolve("picks.csv")))
        .containsExactly("rank,id,score", "1,b,0.30000000000000004", "2,c,0.125");
  }

  @Test
  void selectReadsCommitteeMembersAndSamples() throws IOException {
    Path committee =
        write(
            "committee.csv",
            "id,member,cat,dog",
            "a,m1,0.9,0.1",
            "b,m1,0.8,0.2",
            "a,m2,0.9,0.1",
            "b,m2,0.2,0.8");
    Cli.Run run =
        run("select", "--scores", committee.toString(), "--strategy", "vote-entropy", "--k", "1");
    assertThat(run.out().lines()).containsExactly("rank,id,score", "1,b,0.6931471805599453");
    Cli.Run wrong =
        run("select", "--scores", committee.toString(), "--strategy", "bald", "--k", "1");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("committee.csv:1: ").contains("'sample'");
    Cli.Run single =
        run("select", "--scores", committee.toString(), "--strategy", "margin", "--k", "1");
    assertThat(single.exitCode()).isEqualTo(2);
    assertThat(single.err()).contains("committee strategies");
  }

  @Test
  void selectKCenterMeasuresDistanceToTheLabeled() throws IOException {
    Path emb = write("emb.csv", "id,x0,x1", "a,0,0", "b,1,0", "c,5,5", "d,0.1,0", "l,0,0.1");
    Path labeled = write("labeled.txt", "l");
    Cli.Run run =
        run(
            "select",
            "--scores",
            probs().toString(),
            "--strategy",
            "k-center",
            "--k",
            "2",
            "--embeddings",
            emb.toString(),
            "--labeled",
            labeled.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(3);
    assertThat(run.out().lines().toList().get(1)).startsWith("1,c,");
    assertThat(run.out().lines().toList().get(2)).startsWith("2,b,");
  }

  @Test
  void selectRejectsAnUnknownStrategyWithExitCode2() throws IOException {
    Cli.Run run = run("select", "--scores", probs().toString(), "--strategy", "magic", "--k", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown strategy 'magic'");
  }

  @Test
  void reviewRanksLikelyLabelErrors() throws IOException {
    Path scores =
        write(
            "oof.csv",
            "id,cat,dog",
            "a,0.9,0.1",
            "b,0.8,0.2",
            "c,0.1,0.9",
            "d,0.2,0.8",
            "e,0.3,0.7",
            "f,0.9,0.1");
    Path labels =
        write("labels.csv", "id,label", "a,cat", "b,cat", "c,cat", "d,dog", "e,dog", "f,dog");
    Cli.Run run = run("review", "--scores", scores.toString(), "--labels", labels.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly("rank,id,label,suggested,score", "1,c,cat,dog,0.9", "2,f,dog,cat,0.9");
    Cli.Run one =
        run("review", "--scores", scores.toString(), "--labels", labels.toString(), "--k", "1");
    assertThat(one.out().lines()).hasSize(2);
    Path bad = write("bad.csv", "id,label", "a,cta");
    Cli.Run typo = run("review", "--scores", scores.toString(), "--labels", bad.toString());
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("bad.csv:2:3: ").contains("did you mean 'cat'");
  }

  @Test
  void simulateWritesCurvesJson() throws IOException {
    StringBuilder csv = new StringBuilder("id,x,y,label\n");
    java.util.random.RandomGenerator random = org.annotationkit.core.testing.Seeds.random(5);
    for (int i = 0; i < 120; i++) {
      int label = i % 2;
      csv.append("r")
          .append(i)
          .append(',')
          .append(2.5 * label + random.nextGaussian())
          .append(',')
          .append(random.nextGaussian())
          .append(',')
          .append(label == 0 ? "neg" : "pos")
          .append('\n');
    }
    Path data = temp.resolve("data.csv");
    Files.writeString(data, csv);
    Path curves = temp.resolve("curves.json");
    Path svg = temp.resolve("curves.svg");
    Cli.Run run =
        run(
            "simulate",
            "--data",
            data.toString(),
            "--label-column",
            "label",
            "--id-column",
            "id",
            "--standardize",
            "--strategy",
            "random,margin",
            "--initial",
            "4",
            "--batch",
            "3",
            "--rounds",
            "5",
            "--seeds",
            "0-1",
            "--model",
            "logistic-regression:lambda=1.0",
            "--output",
            curves.toString(),
            "--plot",
            svg.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = Files.readString(curves);
    assertThat(json)
        .startsWith("{\"strategies\": {")
        .contains("\"random\": {\"seeds\": {")
        .contains("\"margin\": {\"seeds\": {")
        .contains("\"0\": {\"accuracy\": [")
        .contains("\"1\": {\"accuracy\": [")
        .contains("\"auc\": ")
        .contains("\"mean_auc\": ")
        .contains("\"gain_over_random\": 0.0");
    String accuracy = json.substring(json.indexOf("\"accuracy\": [") + 13);
    assertThat(accuracy.substring(0, accuracy.indexOf(']')).split(",")).hasSize(6);
    assertThat(Files.readString(svg)).startsWith("<svg").contains("margin (AUC");
    assertThat(run.out()).contains("gain_over_random");
  }
}
