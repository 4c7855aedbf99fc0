package org.annotationkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code annotate} command in this JVM, as the command-line tests do. */
final class Cli {
  private Cli() {}

  /** What one run gave: the exit code and what went to stdout and stderr. */
  record Run(int exitCode, String out, String err) {
    /** The lines written to stdout. */
    java.util.List<String> outLines() {
      return out.lines().toList();
    }
  }

  /** Runs {@code annotate} with the arguments. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Annotate.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
