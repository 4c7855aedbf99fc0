package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementCommandTest {
  @TempDir Path temp;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  /** Krippendorff (2011), wide: one row per unit, an empty cell for a missing value. */
  private Path krippendorff2011() throws IOException {
    return write(
        "k2011.csv",
        "unit,A,B,C,D",
        "1,1,1,,1",
        "2,2,2,3,2",
        "3,3,3,3,3",
        "4,3,3,3,3",
        "5,2,2,2,2",
        "6,1,2,3,4",
        "7,4,4,4,4",
        "8,1,1,2,1",
        "9,2,2,2,2",
        "10,,5,5,5",
        "11,,,1,1",
        "12,,3,,");
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.Ee-]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void intervalAlphaAsJsonWithExactlyTheDocumentedKeys() throws IOException {
    Cli.Run run =
        run(
            "agreement",
            "--input",
            krippendorff2011().toString(),
            "--metric",
            "krippendorff-alpha",
            "--level",
            "interval",
            "--json",
            "--ci",
            "bootstrap",
            "--bootstrap-samples",
            "200");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = run.out().strip();
    assertThat(number(json, "value")).isBetween(0.8485, 0.8495);
    assertThat(json)
        .startsWith("{\"metric\":\"krippendorff-alpha\",\"value\":")
        .contains(
            "\"undefined_reason\":null",
            "\"units\":",
            "\"raters\":4",
            "\"se\":",
            "\"se_h0\":null",
            "\"ci\":{\"low\":",
            "\"level\":0.95",
            "\"method\":\"bootstrap\"}",
            "\"per_category\":null");
  }

  @Test
  void undefinedIsAnAnswerWithExitZero() throws IOException {
    Path file =
        write("one.csv", "item,annotator,label", "a,x,yes", "a,y,yes", "b,x,yes", "b,y,yes");
    Cli.Run run = run("agreement", "--input", file.toString(), "--metric", "cohen-kappa", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("\"value\":null", "\"undefined_reason\":\"chance agreement is 1");
  }

  @Test
  void cohenKappaHasTheNullStandardErrorAndANormalInterval() throws IOException {
    Path file =
        write(
            "two.csv", "unit,r1,r2", "1,a,a", "2,a,b", "3,b,b", "4,b,b", "5,a,a", "6,c,c", "7,c,a");
    Cli.Run run = run("agreement", "--input", file.toString(), "--metric", "cohen-kappa", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(number(run.out(), "se_h0")).isPositive();
    assertThat(run.out()).contains("\"method\":\"analytic\"");
  }

  @Test
  void allPrintsEveryCoefficientThatApplies() throws IOException {
    Cli.Run run = run("agreement", "--input", krippendorff2011().toString(), "--metric", "all");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("fleiss-kappa", "gwet-ac1", "krippendorff-alpha", "icc", "light-kappa")
        .doesNotContain("cohen-kappa");
  }

  @Test
  void pairwiseMatrix() throws IOException {
    Cli.Run run =
        run(
            "agreement",
            "--input",
            krippendorff2011().toString(),
            "--metric",
            "cohen-kappa",
            "--pairwise");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).hasSize(5);
    assertThat(run.out().lines().findFirst().orElseThrow()).contains("A", "B", "C", "D");
  }

  @Test
  void fleissPerCategoryInJson() throws IOException {
    Cli.Run run =
        run(
            "agreement",
            "--input",
            krippendorff2011().toString(),
            "--metric",
            "fleiss-kappa",
            "--per-category",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"per_category\":{\"1\":", "\"5\":");
  }

  @Test
  void unitizingAlphaOfTheBooksExample() throws IOException {
    Path file =
        write(
            "units.csv",
            "rater,begin,length,category",
            "i,225,70,c",
            "i,370,30,c",
            "j,220,80,c",
            "j,355,20,c",
            "j,400,20,c",
            "i,180,60,k",
            "i,300,50,k",
            "j,180,60,k",
            "j,300,50,k");
    Cli.Run run =
        run(
            "agreement",
            "--input",
            file.toString(),
            "--metric",
            "alpha-u",
            "--layout",
            "unitizing",
            "--continuum",
            "150,300",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(number(run.out(), "value")).isBetween(0.8585, 0.8596);
  }

  @Test
  void customWeightsFile() throws IOException {
    Path data = write("w.csv", "unit,r1,r2", "1,1,1", "2,1,2", "3,2,2", "4,3,3", "5,3,1", "6,2,3");
    Path weights = write("weights.csv", "c,1,2,3", "1,1,0.5,0", "2,0.5,1,0.5", "3,0,0.5,1");
    Cli.Run custom =
        run(
            "agreement",
            "--input",
            data.toString(),
            "--metric",
            "weighted-kappa",
            "--weights-file",
            weights.toString(),
            "--json");
    Cli.Run linear =
        run("agreement", "--input", data.toString(), "--metric", "weighted-kappa", "--json");
    assertThat(custom.exitCode()).as(custom.err()).isZero();
    // The file holds the linear weights of three categories.
    assertThat(number(custom.out(), "value")).isEqualTo(number(linear.out(), "value"));
  }

  @Test
  void aBadMetricIsAnErrorWithExitTwo() throws IOException {
    Cli.Run run = run("agreement", "--input", krippendorff2011().toString(), "--metric", "kappa");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown metric 'kappa'");
  }
}
