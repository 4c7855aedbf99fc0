package org.annotationkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;

/**
 * The demo's section on format conversion: the sample's street photo with its annotations (two
 * people and a model) written as a Label Studio export, converted to COCO, from COCO to YOLO
 * detection labels and back to COCO, through the same calls as {@code annotate convert}. Each step
 * prints what it wrote and what it lost, grouped by kind of loss: the model and the second
 * annotator COCO cannot tell apart, the scene choice it cannot hold, the rotation YOLO drops, the
 * polygon it reduces to a box. Everything happens in a temporary folder, removed afterwards, whose
 * path is never printed, so every run prints the same.
 */
final class ConversionSection implements DemoSection {
  /** How many objects of one kind of loss are named before the rest are counted. */
  private static final int NAMED = 3;

  /** About how many characters of a loss's reason are printed. */
  private static final int REASON = 110;

  @Override
  public String title() {
    return "Converting the street photo: Label Studio -> COCO -> YOLO -> COCO, and what each"
        + " step loses";
  }

  @Override
  public void print(SampleProject project, PrintWriter out) {
    List<DatasetEntry> entries = new ArrayList<>();
    for (Item item : project.items()) {
      if (item instanceof ImageItem) {
        List<Annotation> of =
            project.annotations().stream().filter(a -> a.itemId().equals(item.id())).toList();
        entries.add(new DatasetEntry(item, of));
      }
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("annotate-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the demo", e);
    }
    try {
      run(project, entries, folder, out);
    } finally {
      delete(folder);
    }
  }

  private static void run(
      SampleProject project, List<DatasetEntry> entries, Path folder, PrintWriter out) {
    Formats formats = Formats.installed();
    Format labelStudio = formats.get("labelstudio");
    Format coco = formats.get("coco");
    Format yolo = formats.get("yolo");
    int annotations = entries.stream().mapToInt(e -> e.annotations().size()).sum();
    out.printf(
        Locale.ROOT,
        "  %d image%s with %d annotations by people and a model, regions of the fields %s%n",
        entries.size(),
        entries.size() == 1 ? "" : "s",
        annotations,
        String.join(
            ", ",
            project.schema().fields().stream()
                .filter(f -> f.kind().jsonName().matches("box|polygon|single_choice"))
                .map(f -> f.name())
                .toList()));

    Path export = folder.resolve("label-studio.json");
    ConversionReport written =
        Converter.write(
            labelStudio,
            DatasetSource.of(project.schema(), true, entries.iterator()),
            export,
            ConversionContext.of(FormatOptions.none()));
    step(out, "the sample", labelStudio.name(), written);

    Path first = folder.resolve("coco.json");
    step(
        out,
        labelStudio.name(),
        coco.name(),
        Converter.convert(labelStudio, coco, export, first, FormatOptions.none()));

    Path labels = folder.resolve("yolo");
    step(
        out,
        coco.name(),
        yolo.name() + " (detect)",
        Converter.convert(coco, yolo, first, labels, FormatOptions.of(Map.of("task", "detect"))));

    // YOLO files hold no image sizes: give them as annotate convert --sizes does.
    Path sizes = folder.resolve("sizes.csv");
    StringBuilder csv = new StringBuilder("file_name,width,height\n");
    for (DatasetEntry entry : entries) {
      ImageItem image = (ImageItem) entry.item();
      csv.append(fileName(image))
          .append(',')
          .append(image.width())
          .append(',')
          .append(image.height())
          .append('\n');
    }
    try {
      Files.writeString(sizes, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's image sizes", e);
    }
    Path second = folder.resolve("coco-again.json");
    step(
        out,
        yolo.name(),
        coco.name(),
        Converter.convert(yolo, coco, labels, second, FormatOptions.none().withSizes(sizes)));
    out.println("  the same with your files: ./annotate convert --from labelstudio --to coco \\");
    out.println("      export.json instances.json --report report.json");
  }

  /** The image's file name as the formats take it: the last part of its URI's path. */
  private static String fileName(ImageItem image) {
    String path = image.uri().getPath();
    return path == null || path.isEmpty() ? image.id() : path.substring(path.lastIndexOf('/') + 1);
  }

  private static void step(PrintWriter out, String from, String to, ConversionReport report) {
    out.printf(
        Locale.ROOT,
        "  %s -> %s: %d image%s, %d annotations written, %d loss%s%n",
        from,
        to,
        report.images(),
        report.images() == 1 ? "" : "s",
        report.annotations(),
        report.lossCount(),
        report.lossCount() == 1 ? "" : "es");
    for (Map.Entry<String, Long> kind : report.lossCounts().entrySet()) {
      List<Loss> of =
          report.losses().stream().filter(loss -> loss.what().equals(kind.getKey())).toList();
      List<String> objects = of.stream().map(loss -> loss.object().toString()).distinct().toList();
      int more = objects.size() - Math.min(NAMED, objects.size());
      out.printf(
          Locale.ROOT,
          "    %d x %s: %s%s%s%n",
          kind.getValue(),
          kind.getKey(),
          String.join("; ", objects.subList(0, Math.min(NAMED, objects.size()))),
          more > 0 ? "; and " + more + " more" : "",
          of.size() < kind.getValue() ? "; and others not kept" : "");
      if (!of.isEmpty()) {
        out.println("        why: " + shortened(of.get(0).reason()));
      }
    }
  }

  /** The reason, cut after a word near {@value #REASON} characters. */
  private static String shortened(String reason) {
    if (reason.length() <= REASON) {
      return reason;
    }
    int cut = reason.lastIndexOf(' ', REASON);
    return reason.substring(0, cut > 0 ? cut : REASON) + " ...";
  }

  private static void delete(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo's temporary folder " + folder, e);
    }
  }
}
