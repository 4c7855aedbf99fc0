package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.testing.DatasetGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  @TempDir Path temp;

  @Test
  void formatsListsCanonicalAsReadAndWrite() {
    Cli.Run run = Cli.run("formats");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^canonical\\s+read\\+write\\s+file\\s+Annotation Kit");
  }

  @Test
  void convertsWithTheInputFormatDetectedAndWritesTheReport() throws IOException {
    Dataset dataset = new DatasetGenerator(new SplittableRandom(11)).dataset();
    Path input = temp.resolve("in.jsonl");
    CanonicalJson.writeDataset(input, dataset);
    Path output = temp.resolve("out.jsonl");
    Path report = temp.resolve("report.json");
    Cli.Run run =
        Cli.run(
            "convert",
            "--to",
            "canonical",
            input.toString(),
            output.toString(),
            "--report",
            report.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(CanonicalJson.readDataset(output)).isEqualTo(dataset);
    int items = dataset.items().size();
    assertThat(run.out())
        .isEqualTo(
            "converted canonical to canonical: "
                + items
                + (items == 1 ? " image, " : " images, ")
                + dataset.annotations().size()
                + " annotations, 0 losses\n");
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"converted\":{\"images\":"
                + items
                + ",\"annotations\":"
                + dataset.annotations().size()
                + "},\"losses\":[],\"loss_counts\":{},\"losses_omitted\":0}\n");
  }

  @Test
  void malformedInputIsOneLineWithThePlaceAndNoOutput() throws IOException {
    Path input = temp.resolve("in.jsonl");
    Files.writeString(input, "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\n");
    Path output = temp.resolve("out.jsonl");
    Cli.Run run =
        Cli.run(
            "convert",
            "--from",
            "canonical",
            "--to",
            "canonical",
            input.toString(),
            output.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("annotate: " + input).endsWith("\n");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(output).doesNotExist();
    assertThat(temp.toFile().list()).containsExactly("in.jsonl");
  }

  @Test
  void unknownFormatsAndOptionsAreOneLineErrors() throws IOException {
    Path input = temp.resolve("in.jsonl");
    CanonicalJson.writeDataset(input, new DatasetGenerator(new SplittableRandom(2)).dataset());
    Cli.Run unknown =
        Cli.run("convert", "--to", "nope", input.toString(), temp.resolve("o").toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("annotate: no format is named 'nope'; the formats are ");
    Cli.Run option =
        Cli.run(
            "convert",
            "--to",
            "canonical",
            "--option",
            "task=detect",
            input.toString(),
            temp.resolve("o").toString());
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err())
        .isEqualTo("annotate: option 'task' is not taken by canonical, which take no options\n");
    Cli.Run missing =
        Cli.run(
            "convert",
            "--to",
            "canonical",
            temp.resolve("missing.json").toString(),
            temp.resolve("o").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("missing.json").contains("does not exist");
  }
}
