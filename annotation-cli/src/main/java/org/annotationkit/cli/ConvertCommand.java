package org.annotationkit.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.annotationkit.core.io.AtomicFiles;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code annotate convert}: converts a dataset from one labeling format to another through the
 * library's model, writing the output all or nothing and reporting every loss.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts labeled data between formats (see 'annotate formats' for the names and options).",
      "Single-file formats (coco, labelstudio, canonical and other JSON or JSON Lines forms) are"
          + " files; per-image formats are folders in their standard layouts: yolo = data.yaml +"
          + " labels/<stem>.txt, voc = Annotations/<stem>.xml; a flat folder of label files is"
          + " also read.",
      "The output is written beside its place and moved there only when the conversion"
          + " succeeded: a failed conversion leaves no partial output. An existing output is"
          + " replaced.",
      "Prints what was converted and the losses, counted by kind; --report writes them all as"
          + " JSON: {\"converted\": {\"images\": n, \"annotations\": n}, \"losses\": [{\"object\":"
          + " {\"image\", \"annotation\", \"line\", \"item\", \"span\"}, \"what\", \"reason\"}],"
          + " \"loss_counts\": {what: n}, \"losses_omitted\": n} (object keys present as they"
          + " apply; past 100,000 losses the rest are only counted).",
      "On a terminal, a progress line on stderr counts the entries read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:converted (losses are listed, not fatal)",
      "2:the input could not be read or is malformed (one line names the file and place), or"
          + " the command line was wrong; no output is written"
    })
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      description = "The input's format; found from the input when omitted and unambiguous.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "FORMAT",
      description = "The output's format.")
  String to;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The input file or folder.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "The output file or folder.")
  Path output;

  @Option(
      names = "--report",
      paramLabel = "REPORT.json",
      description = "Writes what was converted and every loss as JSON.")
  Path report;

  @Option(
      names = "--images",
      paramLabel = "DIR",
      description =
          "The folder of the images, for formats without image sizes (YOLO): the sizes are read"
              + " from the images' headers, never by decoding the pixels.")
  Path images;

  @Option(
      names = "--sizes",
      paramLabel = "SIZES.csv",
      description = "Image sizes as a CSV file with the header file_name,width,height.")
  Path sizes;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description =
          "An option of the input's or output's format, such as task=segment or"
              + " config=labeling.xml; repeatable. An option neither format takes is an error.")
  List<String> options = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Formats formats = Formats.installed();
    Format target = formats.get(to);
    Format source = from == null ? formats.detect(input) : formats.get(from);
    FormatOptions given = FormatOptions.parse(options);
    if (images != null) {
      given = given.withImages(images);
    }
    if (sizes != null) {
      given = given.withSizes(sizes);
    }
    ConversionContext context = ConversionContext.of(given);
    LongConsumer progress = onTerminal() ? count -> progress(err, count) : count -> {};
    ConversionReport result = Converter.convert(source, target, input, output, context, progress);
    if (onTerminal()) {
      err.print("\r\033[K");
      err.flush();
    }
    if (report != null) {
      AtomicFiles.write(report, result::writeJson);
    }
    out.printf(
        Locale.ROOT,
        "converted %s to %s: %d %s, %d annotations, %d %s%n",
        source.name(),
        target.name(),
        result.images(),
        result.images() == 1 ? "image" : "images",
        result.annotations(),
        result.lossCount(),
        result.lossCount() == 1 ? "loss" : "losses");
    for (Map.Entry<String, Long> count : result.lossCounts().entrySet()) {
      Loss first =
          result.losses().stream()
              .filter(loss -> loss.what().equals(count.getKey()))
              .findFirst()
              .orElseThrow();
      out.printf(
          Locale.ROOT,
          "  %d x %s, first: %s (%s)%n",
          count.getValue(),
          count.getKey(),
          first.object(),
          first.reason());
    }
    return Annotate.OK;
  }

  private static void progress(PrintWriter err, long count) {
    err.printf(Locale.ROOT, "\rread %,d entries", count);
    err.flush();
  }

  /** Whether stderr is an interactive terminal (JDK 22+ says so; before, a console means one). */
  // On JDK 21, which this module supports, System.console() is null without a terminal.
  @SuppressWarnings("SystemConsoleNull")
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
