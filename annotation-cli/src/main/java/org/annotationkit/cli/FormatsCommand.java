package org.annotationkit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annotate formats}: every format installed, with what it reads and writes. */
@Command(
    name = "formats",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every format 'annotate convert' knows: its name, whether it reads and writes, whether"
          + " it is a file or a folder, what it is, and the options it takes (--option"
          + " key=value).",
      "Formats of your own are found through java.util.ServiceLoader"
          + " (org.annotationkit.formats.Format) on the class path."
    })
final class FormatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Format format : Formats.installed().all()) {
      String modes =
          (format.reader().isPresent() ? "read" : "")
              + (format.reader().isPresent() && format.writer().isPresent() ? "+" : "")
              + (format.writer().isPresent() ? "write" : "");
      out.printf(
          Locale.ROOT,
          "%-16s %-10s %-6s %s%n",
          format.name(),
          modes,
          format.layout() == Format.Layout.FILE ? "file" : "folder",
          format.description());
      for (FormatOption option : format.options()) {
        out.printf(
            Locale.ROOT,
            "%-16s   --option %s=%s: %s%n",
            "",
            option.key(),
            option.values().isEmpty() ? "VALUE" : String.join("|", option.values()),
            option.description());
      }
    }
    return Annotate.OK;
  }
}
