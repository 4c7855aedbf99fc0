package org.annotationkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;

/**
 * The demo's section on text formats: the bundled Label Studio export of named entities ({@code
 * labelstudio-ner.json}: an emoji of three code points and five UTF-16 units before the first
 * entity, and an older export whose offsets count UTF-16 units) converted to CoNLL IOB2 and spaCy,
 * in a temporary folder removed afterwards. Offsets are code points throughout; the spaCy file read
 * back shows where its first span lands in the text.
 */
final class NlpSection implements DemoSection {
  private static final String SAMPLE = "labelstudio-ner.json";

  @Override
  public String title() {
    return "Text formats: Label Studio NER to CoNLL IOB2 and spaCy, offsets in code points";
  }

  @Override
  public void print(SampleProject project, PrintWriter out) {
    Path dir;
    try {
      dir = Files.createTempDirectory("annotate-demo-nlp-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary folder for the demo", e);
    }
    try {
      run(dir, out);
    } finally {
      delete(dir);
    }
  }

  private static void run(Path dir, PrintWriter out) {
    Path export = dir.resolve(SAMPLE);
    try (InputStream in = NlpSection.class.getResourceAsStream("samples/" + SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the command was built without its sample " + SAMPLE);
      }
      Files.copy(in, export);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the bundled sample " + SAMPLE, e);
    }
    Formats formats = Formats.installed();
    Dataset dataset;
    ConversionContext reading = ConversionContext.of(FormatOptions.none());
    try (DatasetSource source =
        formats.get("labelstudio").reader().orElseThrow().open(export, reading)) {
      dataset = Dataset.of(source);
    }
    out.println("  " + SAMPLE + " (Label Studio JSON export), read as labelstudio:");
    for (Item item : dataset.items()) {
      TextItem text = (TextItem) item;
      TextOffsets offsets = TextOffsets.of(text.text());
      out.printf(
          Locale.ROOT,
          "    %s: \"%s\" (%d code points, %d UTF-16 units)%n",
          text.id(),
          text.text(),
          offsets.length(),
          text.text().length());
      for (Annotation annotation : dataset.annotationsOf(text.id())) {
        for (Result result : annotation.results()) {
          if (result.value() instanceof SpanValue span) {
            out.printf(
                Locale.ROOT,
                "      %-4s [%d, %d) \"%s\"  (Java String [%d, %d))%n",
                span.label(),
                span.start(),
                span.end(),
                offsets.substring(span.start(), span.end()),
                offsets.toUtf16(span.start()),
                offsets.toUtf16(span.end()));
          }
        }
      }
    }
    for (Loss loss : reading.report().losses()) {
      out.println("    reported: " + loss.what() + " (" + loss.object() + "): " + loss.reason());
    }

    Path conll = dir.resolve("ner.conll");
    out.println("  CoNLL IOB2 (conll, --option scheme=iob2; tokenizer words):");
    write(formats.get("conll"), dataset, conll, Map.of("scheme", "iob2"), out);
    lines(conll).forEach(line -> out.println(line.isEmpty() ? "" : "    " + line));

    Path spacy = dir.resolve("ner.jsonl");
    out.println("  spaCy training data (spacy, JSON Lines):");
    write(formats.get("spacy"), dataset, spacy, Map.of(), out);
    lines(spacy).forEach(line -> out.println("    " + line));

    ConversionContext back = ConversionContext.of(FormatOptions.none());
    try (DatasetSource source = formats.get("spacy").reader().orElseThrow().open(spacy, back)) {
      Dataset again = Dataset.of(source);
      TextItem first = (TextItem) again.items().get(0);
      SpanValue span =
          again.annotationsOf(first.id()).get(0).results().stream()
              .map(Result::value)
              .filter(SpanValue.class::isInstance)
              .map(SpanValue.class::cast)
              .findFirst()
              .orElseThrow();
      TextOffsets offsets = TextOffsets.of(first.text());
      out.printf(
          Locale.ROOT,
          "  read back from spaCy, after the emoji: text[%d:%d] = \"%s\" (%s), as Python slices it%n",
          span.start(),
          span.end(),
          offsets.substring(span.start(), span.end()),
          span.label());
    }
  }

  private static void write(
      Format format, Dataset dataset, Path file, Map<String, String> options, PrintWriter out) {
    ConversionContext context = ConversionContext.of(FormatOptions.of(options));
    Converter.write(format, dataset.source(), file, context);
    for (Loss loss : context.report().losses()) {
      out.println("    reported: " + loss.what() + " (" + loss.object() + "): " + loss.reason());
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the demo's output is what matters.
    }
  }
}
