package org.annotationkit.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code annotate} command: Annotation Kit on the command line. Each job is a subcommand; the
 * exit code is 0 when all went well, 1 when the job found problems in the data (violations), and 2
 * when an input could not be read or the command line was wrong.
 *
 * @since 0.1.0
 */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    versionProvider = Annotate.Version.class,
    description = "Annotation Kit: labeling schemas, annotations and their validation.",
    // One subcommand per line, each a class of its own.
    subcommands = {
      ValidateCommand.class,
      SelectCommand.class,
      ReviewCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      AgreementCommand.class,
      AggregateCommand.class,
      QualityCommand.class,
      FormatsCommand.class,
      ConvertCommand.class,
      ProjectCommand.class,
      CommandLine.HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all went well",
      "1:the data has problems (each was listed)",
      "2:an input could not be read, or the command line was wrong"
    })
public final class Annotate implements Runnable {
  /** Exit code when the inputs were read and nothing was wrong with them. */
  static final int OK = 0;

  /** Exit code when the inputs were read and problems were found in them. */
  static final int VIOLATIONS = 1;

  /** Exit code when an input could not be read, or the command line was wrong. */
  static final int UNREADABLE = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    // No subcommand: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Creates the command line, with its error handling, writing to the given streams.
   *
   * @param out where results go
   * @param err where errors go
   * @return the command line, ready to {@link CommandLine#execute(String...) execute}
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Annotate());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      failed.getErr().println("annotate: " + oneLine(exception));
      failed.getErr().flush();
      return UNREADABLE;
    });
    return commandLine;
  }

  private static String oneLine(Exception exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank()
        ? exception.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }

  /**
   * Runs the command and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // The library's log records below warnings (such as a JDBC store migrating its schema on
    // `project init --store`) are not the command's output: stderr keeps its one-line errors.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    // In the encoding of the terminal or file they write to (stdout.encoding, stderr.encoding).
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version =
          Optional.ofNullable(Annotate.class.getPackage().getImplementationVersion())
              .orElse("development build");
      return new String[] {
        "annotate " + version,
        "Annotation Kit, Java "
            + Runtime.version().feature()
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }
}
