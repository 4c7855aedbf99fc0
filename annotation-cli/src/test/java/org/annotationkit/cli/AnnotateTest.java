package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotateTest {
  @Test
  void everySubcommandSummaryInTheTopLevelHelpIsASentenceEndingWithAFullStop() {
    StringWriter out = new StringWriter();
    int code =
        Annotate.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
            .execute("--help");
    assertThat(code).isZero();

    Map<String, String> summaries = commandList(out.toString());

    assertThat(summaries.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Annotate.commandLine(
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands()
                .keySet());
    assertThat(summaries)
        .allSatisfy((name, summary) ->
            assertThat(summary).as("summary of %s", name).matches("[A-Z].*[^.]\\.$"));
  }

  /**
   * The "Commands:" section of a usage message: each command's name and its summary, with the lines
   * that picocli wrapped joined again.
   */
  private static Map<String, String> commandList(String usage) {
    List<String> lines = usage.lines().toList();
    int start = lines.indexOf("Commands:");
    assertThat(start).as("a Commands: section in%n%s", usage).isNotNegative();
    Map<String, StringBuilder> summaries = new LinkedHashMap<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      if (line.startsWith("    ")) { // picocli wrapped the summary onto this line
        current.append(' ').append(line.strip());
        continue;
      }
      String[] nameAndSummary = line.strip().split("\\s{2,}", 2);
      current = new StringBuilder(nameAndSummary.length == 2 ? nameAndSummary[1] : "");
      summaries.put(nameAndSummary[0], current);
    }
    Map<String, String> result = new LinkedHashMap<>();
    summaries.forEach((name, summary) -> result.put(name, summary.toString()));
    return result;
  }
}
