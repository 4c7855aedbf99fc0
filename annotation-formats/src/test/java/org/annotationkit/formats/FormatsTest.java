package org.annotationkit.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
  @TempDir Path dir;

  /** A format that says what it is told about every input. */
  record Fake(String name, Function<Path, Format.Detection> verdict) implements Format {
    Fake(String name, Format.Detection detection) {
      this(name, path -> detection);
    }

    @Override
    public String description() {
      return "fake " + name;
    }

    @Override
    public Layout layout() {
      return Layout.FILE;
    }

    @Override
    public Optional<FormatReader> reader() {
      return Optional.empty();
    }

    @Override
    public Optional<FormatWriter> writer() {
      return Optional.empty();
    }

    @Override
    public Detection detect(Path input) {
      return verdict.apply(input);
    }
  }

  @Test
  void theInstalledFormatsIncludeCanonicalFoundThroughTheServiceLoader() {
    Formats installed = Formats.installed();
    assertThat(installed.find("canonical")).get().isInstanceOf(CanonicalFormat.class);
    List<String> names = installed.all().stream().map(Format::name).toList();
    assertThat(names).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void namesAreUniqueAndLowerCaseWords() {
    assertThatThrownBy(() ->
            Formats.of(
                List.of(new Fake("a", Format.Detection.NO), new Fake("a", Format.Detection.NO))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two formats are named 'a'");
    for (String bad : List.of("", "Coco", "la bel", "-x", "x-", "a--b", "yolo_v8")) {
      assertThatThrownBy(() -> Formats.of(List.of(new Fake(bad, Format.Detection.NO))))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be lower case");
    }
    assertThat(Formats.of(List.of(new Fake("labelstudio-min", Format.Detection.NO))).all())
        .hasSize(1);
  }

  @Test
  void anUnknownNameListsTheFormatsThereAre() {
    Formats formats =
        Formats.of(
            List.of(new Fake("coco", Format.Detection.NO), new Fake("voc", Format.Detection.NO)));
    assertThat(formats.find("yolo")).isEmpty();
    assertThatThrownBy(() -> formats.get("yolo"))
        .hasMessage("no format is named 'yolo'; the formats are coco, voc");
  }

  @Test
  void detectionPrefersTheOneCertainFormatOverPossibleOnes() throws IOException {
    Path file = Files.writeString(dir.resolve("x.json"), "{}");
    Formats formats =
        Formats.of(
            List.of(
                new Fake("a", Format.Detection.POSSIBLE),
                new Fake("b", Format.Detection.CERTAIN),
                new Fake("c", Format.Detection.NO)));
    assertThat(formats.detect(file).name()).isEqualTo("b");
    Formats onlyPossible =
        Formats.of(
            List.of(new Fake("a", Format.Detection.POSSIBLE), new Fake("c", Format.Detection.NO)));
    assertThat(onlyPossible.detect(file).name()).isEqualTo("a");
  }

  @Test
  void anAmbiguousOrUnknownInputNamesTheCandidates() throws IOException {
    Path file = Files.writeString(dir.resolve("x.json"), "{}");
    Formats two =
        Formats.of(
            List.of(
                new Fake("a", Format.Detection.CERTAIN),
                new Fake("b", Format.Detection.CERTAIN),
                new Fake("c", Format.Detection.POSSIBLE)));
    assertThatThrownBy(() -> two.detect(file))
        .isInstanceOfSatisfying(
            FormatDetectionException.class,
            e -> assertThat(e.candidates()).containsExactly("a", "b"))
        .hasMessage("cannot tell the format of " + file + ": it could be a, b; name it");
    Formats none = Formats.of(List.of(new Fake("a", Format.Detection.NO)));
    assertThatThrownBy(() -> none.detect(file))
        .isInstanceOfSatisfying(
            FormatDetectionException.class, e -> assertThat(e.candidates()).isEmpty())
        .hasMessageContaining("no format recognises it");
    assertThatThrownBy(() -> none.detect(dir.resolve("missing.json")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void canonicalRecognisesItsSchemaLineOnlyWithABomOrLeadingSpace() throws IOException {
    CanonicalFormat canonical = new CanonicalFormat();
    Path good =
        Files.writeString(
            dir.resolve("d.jsonl"), "\uFEFF  {\"annotationkit\": \"schema\", \"version\": 1}\n");
    Path item = Files.writeString(dir.resolve("i.jsonl"), "{\"annotationkit\":\"item\"}\n");
    Path other = Files.writeString(dir.resolve("o.json"), "{\"images\": []}");
    assertThat(canonical.detect(good)).isEqualTo(Format.Detection.CERTAIN);
    assertThat(canonical.detect(item)).isEqualTo(Format.Detection.NO);
    assertThat(canonical.detect(other)).isEqualTo(Format.Detection.NO);
    assertThat(canonical.detect(dir)).isEqualTo(Format.Detection.NO);
  }
}
