package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {
  @TempDir Path temp;

  /**
   * Six careful annotators (right 90% of the time, otherwise a random other label) and one who
   * always answers "cat", over 60 items of three labels, seeded.
   */
  private Path crowd(StringBuilder gold) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    String[] labels = {"cat", "dog", "fox"};
    StringBuilder csv = new StringBuilder("item,annotator,label\n");
    gold.append("item,label\n");
    for (int u = 0; u < 60; u++) {
      int truth = random.nextInt(3);
      if (u < 20) {
        gold.append("i").append(u).append(',').append(labels[truth]).append('\n');
      }
      for (int a = 0; a < 6; a++) {
        int answer = random.nextDouble() < 0.9 ? truth : (truth + 1 + random.nextInt(2)) % 3;
        csv.append("i").append(u).append(",a").append(a).append(',').append(labels[answer]);
        csv.append('\n');
      }
      csv.append("i").append(u).append(",lazy,cat\n");
    }
    return Files.writeString(temp.resolve("labels.csv"), csv);
  }

  @Test
  void theTableFlagsTheSingleLabelAnnotatorAndExitsOne() throws IOException {
    StringBuilder gold = new StringBuilder();
    Path in = crowd(gold);
    Path goldFile = Files.writeString(temp.resolve("gold.csv"), gold);
    Cli.Run run = Cli.run("quality", "--input", in.toString(), "--gold", goldFile.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.outLines().get(0))
        .contains("annotator", "answers", "agree", "gold_acc", "skill", "spam", "p_indep", "flags");
    assertThat(run.outLines())
        .anyMatch(l -> l.startsWith("lazy") && l.endsWith("single-label,far-below"));
    assertThat(run.outLines()).anyMatch(l -> l.startsWith("a0") && l.endsWith(" -"));
    assertThat(run.out()).contains("lazy single-label: all 60 answers are 'cat'");
    assertThat(run.out()).contains("Weak consensus:", "Most confused labels");
  }

  @Test
  void jsonHasEveryAnnotatorAndTheFlags() throws IOException {
    Path in = crowd(new StringBuilder());
    Cli.Run run = Cli.run("quality", "--input", in.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out().strip())
        .startsWith("{\"consensus\":\"dawid-skene\",\"annotators\":[{\"annotator\":\"a0\"")
        .contains("{\"kind\":\"single-label\"", "\"goldAccuracy\":null", "\"confusedPairs\":[");
  }

  @Test
  void unreadableGoldExitsTwo() throws IOException {
    Path in = crowd(new StringBuilder());
    Path goldFile = Files.writeString(temp.resolve("gold.csv"), "item,truth\ni1,cat\n");
    Cli.Run run = Cli.run("quality", "--input", in.toString(), "--gold", goldFile.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("label");
  }

  @Test
  void helpDocumentsTheColumns() {
    Cli.Run run = Cli.run("quality", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("p_indep", "gold_acc", "far-below", "Exit codes");
  }
}
