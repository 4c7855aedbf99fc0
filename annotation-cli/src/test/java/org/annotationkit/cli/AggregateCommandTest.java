package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateCommandTest {
  @TempDir Path temp;

  // crowd-kit's toy dataset (tests/conftest.py, toy_answers_df).
  private static final String TOY =
      """
      item,annotator,label
      t1,w1,no
      t2,w1,yes
      t3,w1,yes
      t4,w1,yes
      t5,w1,yes
      t1,w2,yes
      t2,w2,yes
      t3,w2,no
      t4,w2,yes
      t5,w2,no
      t2,w3,yes
      t3,w3,no
      t4,w3,yes
      t5,w3,no
      t1,w4,yes
      t2,w4,no
      t3,w4,yes
      t4,w4,yes
      t5,w4,no
      t1,w5,no
      t2,w5,no
      t3,w5,no
      t4,w5,yes
      t5,w5,no
      """;

  @Test
  void majorityVoteWritesLabelsConfidenceAndTies() throws IOException {
    Path in = Files.writeString(temp.resolve("labels.csv"), TOY);
    Path out = temp.resolve("out.csv");
    Cli.Run run =
        Cli.run(
            "aggregate",
            "--input",
            in.toString(),
            "--method",
            "majority",
            "--output",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out))
        .startsWith("item,label,confidence,tie", "t1,no,0.5,true", "t2,yes,0.6,false");
  }

  @Test
  void dawidSkeneGivesTheToyGroundTruthAndPrintsConfusions() throws IOException {
    Path in = Files.writeString(temp.resolve("labels.csv"), TOY);
    Path out = temp.resolve("out.csv");
    Path est = temp.resolve("est.csv");
    Cli.Run run =
        Cli.run(
            "aggregate",
            "--input",
            in.toString(),
            "--method",
            "dawid-skene",
            "--output",
            out.toString(),
            "--skills-output",
            est.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out).stream().skip(1).map(l -> l.split(",", -1)[1]).toList())
        .containsExactly("yes", "yes", "no", "yes", "no");
    assertThat(Files.readAllLines(est)).hasSize(6).first().isEqualTo("annotator,skill");
    assertThat(run.out()).contains("\"priors\"").contains("\"confusions\"").contains("\"w1\"");
  }

  @Test
  void unreadableInputExitsTwoWithOneLine() throws IOException {
    Path in = Files.writeString(temp.resolve("labels.csv"), "item,annotator\nt1,w1\n");
    Cli.Run run =
        Cli.run(
            "aggregate",
            "--input",
            in.toString(),
            "--method",
            "majority",
            "--output",
            temp.resolve("o.csv").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    assertThat(temp.resolve("o.csv")).doesNotExist();
  }

  @Test
  void helpShowsTheIssuesSynopsis() {
    Cli.Run run = Cli.run("aggregate", "--help");
    assertThat(run.exitCode()).isZero();
    String usage = String.join(" ", run.out().strip().split("\\s+"));
    assertThat(usage)
        .startsWith(
            "Usage: annotate aggregate --input LABELS.csv --method"
                + " majority|weighted-majority|wawa|zbs|dawid-skene|one-coin|glad|mace|kos|mmsr"
                + " [--gold GOLD.csv] [--skills SKILLS.csv] [--seed S] [--max-iter N] [--tol T]"
                + " --output OUT.csv [--skills-output EST.csv] [--json]"
                + " Aggregates annotators' answers");
  }

  private List<String> labels(String method, String... more) throws IOException {
    Path in = Files.writeString(temp.resolve("labels.csv"), TOY);
    Path out = temp.resolve(method + ".csv");
    Path est = temp.resolve(method + "-est.csv");
    List<String> args =
        new ArrayList<>(
            List.of(
                "aggregate",
                "--input",
                in.toString(),
                "--method",
                method,
                "--output",
                out.toString(),
                "--skills-output",
                est.toString()));
    args.addAll(List.of(more));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out).get(0)).isEqualTo("item,label,confidence");
    assertThat(Files.readAllLines(est)).hasSize(6).first().isEqualTo("annotator,skill");
    return Files.readAllLines(out).stream().skip(1).map(l -> l.split(",", -1)[1]).toList();
  }

  @Test
  void gladAndMaceGiveTheToyGroundTruth() throws IOException {
    // crowd-kit tests/conftest.py toy_ground_truth_df: yes, yes, no, yes, no.
    assertThat(labels("glad")).containsExactly("yes", "yes", "no", "yes", "no");
    assertThat(labels("mace", "--seed", "3", "--max-iter", "20"))
        .containsExactly("yes", "yes", "no", "yes", "no");
  }

  @Test
  void mmsrGivesCrowdKitsToyLabels() throws IOException {
    // crowd-kit tests/aggregation/data_mmsr.py toy_labels_result_mmsr.
    assertThat(labels("mmsr")).containsExactly("yes", "no", "no", "yes", "no");
  }

  @Test
  void kosRunsOnBinaryAnswersAndRefusesMoreCategories() throws IOException {
    assertThat(labels("kos", "--max-iter", "10", "--json")).hasSize(5);
    Path in =
        Files.writeString(
            temp.resolve("three.csv"), "item,annotator,label\nt1,w1,a\nt1,w2,b\nt2,w1,c\n");
    Cli.Run run =
        Cli.run(
            "aggregate",
            "--input",
            in.toString(),
            "--method",
            "kos",
            "--output",
            temp.resolve("o.csv").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("KOS is for two categories");
  }

  @Test
  void methodsThatCannotUseGoldRefuseIt() throws IOException {
    Path in = Files.writeString(temp.resolve("labels.csv"), TOY);
    Path gold = Files.writeString(temp.resolve("gold.csv"), "item,label\nt1,no\n");
    for (String method : new String[] {"majority", "wawa", "zbs", "glad", "mace", "mmsr"}) {
      Path out = temp.resolve(method + ".csv");
      Cli.Run run =
          Cli.run(
              "aggregate",
              "--input",
              in.toString(),
              "--method",
              method,
              "--gold",
              gold.toString(),
              "--output",
              out.toString());
      assertThat(run.exitCode()).as(method).isEqualTo(2);
      assertThat(run.err())
          .as(method)
          .contains("--method " + method + " cannot use --gold")
          .contains("dawid-skene and one-coin");
      assertThat(out).doesNotExist();
    }
    Cli.Run ds =
        Cli.run(
            "aggregate",
            "--input",
            in.toString(),
            "--method",
            "one-coin",
            "--gold",
            gold.toString(),
            "--output",
            temp.resolve("oc.csv").toString());
    assertThat(ds.exitCode()).as(ds.err()).isZero();
  }
}
