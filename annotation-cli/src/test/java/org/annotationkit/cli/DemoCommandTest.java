package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void demoTellsTheWholeStoryOnTheBundledSamples() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Annotate.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("demo");

    String text = out.toString();
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(text)
        .contains("The schema 'street-and-text-demo', 6 fields")
        .contains("street-1   image 640 x 480")
        .contains("a-1    by alice")
        .contains("model yolo-demo 1.0")
        .contains("/results/1/value/label")
        .contains("car      r1   ~ r1   IoU 0.875")
        .contains("bicycle  r3   has no detector box to match")
        .contains("\"text\": \"Charles Babbage\"")
        .contains("\"annotationkit\": \"annotation\"")
        .contains("boxes of street-1, alice vs bob (matched one to one, IoU >= 0.5): F1 1.000")
        .contains("field 'scene' (")
        .contains("fleiss-kappa         0.4302  [")
        .contains("Fleiss' kappa per diagnosis:")
        .contains("majority vote vs Dawid-Skene")
        .contains("    spammer independent-of-item: chi-square");
    // The five valid annotations are reported valid; the two with planted errors are not.
    assertThat(text.lines().filter(line -> line.endsWith(": valid"))).hasSize(5);
    assertThat(text).contains("2 violations").contains("1 violation");
  }

  @Test
  void demoRanksTheUnlabeledSampleAndFindsPlantedLabelErrors() {
    StringWriter out = new StringWriter();
    int code =
        Annotate.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
            .execute("demo");
    assertThat(code).isZero();
    String text = out.toString();
    assertThat(text)
        .contains("Active learning: the next batch to label, and labels to re-review")
        .contains("next batch to label, by margin")
        .contains("    1. iris-");
    // iris-004 is a setosa planted with the label versicolor (samples/README.md).
    assertThat(text).contains("iris-004  labeled versicolor likely setosa");
  }

  @Test
  void demoRunsALabelingProjectThroughItsQueue() {
    Cli.Run run = Cli.run("demo");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String text = run.out();
    assertThat(text)
        .contains("Labeling workflow: a queue with overlap 2, a gold item, a model pre-label")
        // gold first (rate 1), then the two texts, for each of the two annotators
        .contains("alice gets g1 (gold: the owner knows, alice cannot tell), answers negative")
        .contains("alice gets r1 with the pre-label positive by sentiment-model 2.1")
        .contains("bob   gets g1 (gold: the owner knows, bob cannot tell), answers positive")
        .contains("rita accepts alice-r1")
        .contains("rita corrects bob-r2 (positive) as rita-r2 (negative)")
        .contains("task r1: complete, 2 counted")
        .contains("task r2: complete, 2 counted")
        .contains("alice gold 1/1 right")
        .contains("bob   gold 0/1 right");
    // 0.05 per counted submission: r1 and r2 twice, and the two gold answers (Workflow's cost
    // report pays counted submissions, gold included)
    assertThat(text).containsPattern("cost in all 0\\.\\d+ for 2 completed tasks");
  }

  @Test
  void demoConvertsTheStreetPhotoThroughThreeFormatsAndReportsTheLosses() {
    Cli.Run run = Cli.run("demo");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String text = run.out();
    // The regions of street-1 in samples/annotations.jsonl: alice 3 boxes and the road polygon,
    // bob 3 boxes, the model 2 boxes; the two scene choices are not regions.
    assertThat(text)
        .contains("Converting the street photo: Label Studio -> COCO -> YOLO -> COCO")
        .contains("  the sample -> labelstudio: 1 image, 3 annotations written,")
        .contains("  labelstudio -> coco: 1 image, 9 annotations written,")
        .contains(
            "    2 x single_choice dropped: image street-1.jpg, annotation a-1/r5;"
                + " image street-1.jpg, annotation a-2/r4")
        .contains("    1 x model origin dropped: the input")
        .contains("  coco -> yolo (detect): 1 image, 9 annotations written, 5 losses")
        // alice's bicycle is turned 15 degrees and bob's 10: both become their hulls
        .contains("    2 x rotation dropped: image 1, annotation 3/box; image 1, annotation 7/box")
        .contains("    1 x polygon reduced to its box: image 1, annotation 4/polygon-1")
        .contains("  yolo -> coco: 1 image, 9 annotations written, 3 losses");
    String section = section(text, "Converting the street photo");
    assertThat(section).doesNotContain("annotate-demo-").doesNotContain("/tmp");
    assertThat(section(Cli.run("demo").out(), "Converting the street photo")).isEqualTo(section);
  }

  /** The lines of the section whose heading contains the words, up to the next heading. */
  private static String section(String text, String heading) {
    StringBuilder lines = new StringBuilder();
    boolean in = false;
    for (String line : text.lines().toList()) {
      if (line.matches("\\d+\\. .*")) {
        in = line.contains(heading);
      }
      if (in) {
        lines.append(line).append('\n');
      }
    }
    assertThat(lines.toString()).as("the section " + heading).isNotEmpty();
    return lines.toString();
  }

  @Test
  void demoConvertsLabelStudioEntitiesToConllAndSpacyInCodePoints() {
    Cli.Run run = Cli.run("demo");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String text = run.out().replace(System.lineSeparator(), "\n");
    // Offsets computed apart in Python: t = "\U0001F469\u200d\U0001F4BB Grace Hopper ...";
    // t.index("Grace") == 4, and len(t[:4].encode("utf-16-le")) // 2 == 6.
    assertThat(text)
        .contains("Text formats: Label Studio NER to CoNLL IOB2 and spaCy, offsets in code points")
        .contains("      PER  [4, 16) \"Grace Hopper\"  (Java String [6, 18))")
        .contains("      PER  [25, 40) \"Charles Babbage\"  (Java String [27, 42))")
        .contains("reported: UTF-16 offsets converted (item 2, annotation c, span 25-40)")
        .contains("    \uD83D\uDC69\u200D\uD83D\uDCBB O\n    Grace B-PER\n    Hopper I-PER\n")
        .contains("    Remington B-ORG\n    Rand I-ORG\n")
        .contains("    \uD83C\uDDEC\uD83C\uDDE7 O\n")
        .contains("\"entities\":[[4,16,\"PER\"],[24,38,\"ORG\"],[42,54,\"LOC\"]]")
        .contains("\"entities\":[[0,12,\"PER\"],[25,40,\"PER\"]]")
        .contains("text[4:16] = \"Grace Hopper\" (PER)");
  }
}
