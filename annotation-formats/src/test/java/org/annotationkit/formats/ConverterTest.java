package org.annotationkit.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.testing.DatasetGenerator;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterTest {
  @TempDir Path dir;

  private final Format canonical = new CanonicalFormat();

  /** A writer that writes part of its output, then fails. */
  record Failing(Layout layout) implements Format {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public String description() {
      return "writes half, then fails";
    }

    @Override
    public Optional<FormatReader> reader() {
      return Optional.empty();
    }

    @Override
    public Optional<FormatWriter> writer() {
      return Optional.of((source, output, context) -> {
        try {
          if (layout == Layout.FILE) {
            Files.writeString(output, "half");
          } else {
            Files.writeString(output.resolve("a.txt"), "half");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the disk caught fire");
      });
    }

    @Override
    public List<FormatOption> options() {
      return List.of(FormatOption.of("task", "what to write", "detect", "segment"));
    }
  }

  @Test
  void canonicalToCanonicalKeepsEveryGeneratedDatasetWhole() {
    for (long seed = 1; seed <= 25; seed++) {
      Dataset dataset = new DatasetGenerator(new SplittableRandom(seed)).dataset();
      Path input = dir.resolve("in-" + seed + ".jsonl");
      Path output = dir.resolve("out-" + seed + ".jsonl");
      CanonicalJson.writeDataset(input, dataset);
      long[] progress = {-1};
      ConversionReport report =
          Converter.convert(
              canonical,
              canonical,
              input,
              output,
              ConversionContext.of(FormatOptions.none()),
              count -> progress[0] = count);
      assertThat(CanonicalJson.readDataset(output)).as("seed %d", seed).isEqualTo(dataset);
      assertThat(report.images()).isEqualTo(dataset.items().size());
      assertThat(report.annotations()).isEqualTo(dataset.annotations().size());
      assertThat(report.lossless()).isTrue();
      assertThat(progress[0]).as("entries read, told at the end").isEqualTo(dataset.items().size());
    }
  }

  @Test
  void anUngroupedSourceIsWrittenWithEachItemOnceAndCountedOnce() {
    Dataset dataset = new DatasetGenerator(new SplittableRandom(7)).dataset();
    DatasetSource ungrouped = new DatasetGenerator(new SplittableRandom(8)).ungrouped(dataset);
    Path output = dir.resolve("u.jsonl");
    ConversionReport report =
        Converter.write(canonical, ungrouped, output, ConversionContext.of(FormatOptions.none()));
    assertThat(CanonicalJson.readDataset(output)).isEqualTo(dataset);
    assertThat(report.images()).isEqualTo(dataset.items().size());
    assertThat(report.annotations()).isEqualTo(dataset.annotations().size());
  }

  @Test
  void aFailedFileWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path output = Files.writeString(dir.resolve("out.txt"), "before");
    Dataset dataset = new DatasetGenerator(new SplittableRandom(3)).dataset();
    assertThatThrownBy(() ->
            Converter.write(
                new Failing(Format.Layout.FILE),
                dataset.source(),
                output,
                ConversionContext.of(FormatOptions.none())))
        .hasMessage("the disk caught fire");
    assertThat(Files.readString(output)).isEqualTo("before");
    assertThat(list(dir)).containsExactly("out.txt");
  }

  @Test
  void aFailedFolderWriteLeavesTheOldFolderAndNoTemporaryFolder() throws IOException {
    Path output = Files.createDirectory(dir.resolve("labels"));
    Files.writeString(output.resolve("old.txt"), "before");
    Dataset dataset = new DatasetGenerator(new SplittableRandom(3)).dataset();
    assertThatThrownBy(() ->
            Converter.write(
                new Failing(Format.Layout.FOLDER),
                dataset.source(),
                output,
                ConversionContext.of(FormatOptions.none())))
        .hasMessage("the disk caught fire");
    assertThat(list(output)).containsExactly("old.txt");
    assertThat(list(dir)).containsExactly("labels");
  }

  @Test
  void aFolderIsReplacedWholeWhenTheWriterSucceeds() throws IOException {
    Path output = Files.createDirectory(dir.resolve("labels"));
    Files.writeString(output.resolve("old.txt"), "before");
    Format folder = writesOneFile();
    Converter.write(
        folder,
        new DatasetGenerator(new SplittableRandom(4)).dataset().source(),
        output,
        ConversionContext.of(FormatOptions.none()));
    assertThat(list(output)).containsExactly("new.txt");
    assertThat(list(dir)).containsExactly("labels");
  }

  @Test
  void optionsMustBeOnesTheFormatsTakeWithValuesTheyAllow() throws IOException {
    Path input = dir.resolve("in.jsonl");
    CanonicalJson.writeDataset(input, new DatasetGenerator(new SplittableRandom(1)).dataset());
    Format failing = new Failing(Format.Layout.FILE);
    assertThatThrownBy(() ->
            Converter.convert(
                canonical,
                failing,
                input,
                dir.resolve("o"),
                FormatOptions.of(Map.of("tsak", "detect"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option 'tsak' is not taken by canonical or failing; the options are task");
    assertThatThrownBy(() ->
            Converter.convert(
                canonical,
                failing,
                input,
                dir.resolve("o"),
                FormatOptions.of(Map.of("task", "pose"))))
        .hasMessage("option task=pose: the value must be one of detect, segment");
    assertThatThrownBy(() ->
            Converter.convert(
                canonical, canonical, input, dir.resolve("o"), FormatOptions.of(Map.of("x", "1"))))
        .hasMessage("option 'x' is not taken by canonical, which take no options");
    assertThat(list(dir)).containsExactly("in.jsonl");
  }

  @Test
  void theInputIsNeverTheOutputAndMustExist() throws IOException {
    Path input = dir.resolve("in.jsonl");
    CanonicalJson.writeDataset(input, new DatasetGenerator(new SplittableRandom(1)).dataset());
    assertThatThrownBy(() ->
            Converter.convert(
                canonical, canonical, input, dir.resolve("./in.jsonl"), FormatOptions.none()))
        .hasMessageContaining("is the input");
    assertThatThrownBy(() ->
            Converter.convert(
                canonical,
                canonical,
                dir.resolve("nope.jsonl"),
                dir.resolve("o"),
                FormatOptions.none()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void formatsThatCannotReadOrWriteSaySo() {
    Format failing = new Failing(Format.Layout.FILE);
    assertThatThrownBy(() ->
            Converter.convert(
                failing, canonical, dir.resolve("a"), dir.resolve("b"), FormatOptions.none()))
        .hasMessage("the format failing can be written, not read");
  }

  private static Format writesOneFile() {
    return new Format() {
      @Override
      public String name() {
        return "one-file";
      }

      @Override
      public String description() {
        return "writes new.txt";
      }

      @Override
      public Layout layout() {
        return Layout.FOLDER;
      }

      @Override
      public Optional<FormatReader> reader() {
        return Optional.empty();
      }

      @Override
      public Optional<FormatWriter> writer() {
        return Optional.of((source, output, context) -> {
          assertThat(output).isEmptyDirectory();
          while (source.hasNext()) {
            var unused = source.next();
          }
          try {
            Files.writeString(output.resolve("new.txt"), "after");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    };
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = new ArrayList<>();
      files.forEach(path -> names.add(path.getFileName().toString()));
      names.sort(null);
      return names;
    }
  }
}
