package org.annotationkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code annotate} command. */
@Command(name = "annotate", mixinStandardHelpOptions = true, version = "annotate 0.1.0")
public final class Annotate implements Runnable {
  @Override
  public void run() {}

  /**
   * Runs the command.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Annotate()).execute(args));
  }
}
