package org.annotationkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.annotationkit.activelearning.Trainer;
import org.annotationkit.activelearning.loop.Comparison;
import org.annotationkit.activelearning.loop.Curve;
import org.annotationkit.activelearning.loop.Pool;
import org.annotationkit.activelearning.loop.PoolReader;
import org.annotationkit.activelearning.loop.Simulation;
import org.annotationkit.activelearning.loop.Strategies;
import org.annotationkit.activelearning.loop.Strategy;
import org.annotationkit.activelearning.smile.SmileTrainers;
import org.annotationkit.core.io.AtomicFiles;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code annotate simulate}: replays a labeled dataset as if it were being labeled, once per
 * strategy and seed, and writes the learning curves, their areas and each strategy's gain over
 * random as CURVES.json.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a labeled dataset to compare sampling strategies by their learning curves.",
      "Each round fits the model on the labels so far, measures test accuracy, picks a batch and"
          + " reveals its labels. Features are every numeric column other than the id, label and"
          + " split columns. Without --split-column, every fourth row of each class is the test"
          + " set."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DATA.csv", description = "The data.")
  Path data;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      defaultValue = "label",
      description = "The label column (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--id-column", paramLabel = "NAME", description = "The id column, if any.")
  @Nullable String idColumn;

  @Option(
      names = "--split-column",
      paramLabel = "NAME",
      description = "The column that marks test rows, if any.")
  @Nullable String splitColumn;

  @Option(
      names = "--test-value",
      paramLabel = "VALUE",
      defaultValue = "test",
      description = "The split column's value for test rows (default: ${DEFAULT-VALUE}).")
  String testValue;

  @Option(
      names = "--standardize",
      description =
          "Standardize features by the mean and population standard deviation of the pool.")
  boolean standardize;

  @Option(
      names = "--strategy",
      required = true,
      split = ",",
      paramLabel = "S",
      description =
          "Strategies, comma-separated: random, least-confidence, margin, ratio,"
              + " entropy, k-center, ranked-batch.")
  List<String> strategies;

  @Option(
      names = "--initial",
      paramLabel = "N",
      defaultValue = "20",
      description = "Size of the random seed set (default: ${DEFAULT-VALUE}).")
  int initial;

  @Option(
      names = "--initial-ids",
      paramLabel = "IDS.txt",
      description = "A fixed seed set: pool ids, one per line.")
  @Nullable Path initialIds;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "10",
      description = "Items picked per round (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "30",
      description = "Rounds of picking (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--seeds",
      paramLabel = "SEEDS",
      defaultValue = "0-4",
      description = "Seeds: a range 0-4, a list 1,5,9 or one (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "logistic-regression:lambda=1.0",
      description =
          "logistic-regression[:lambda=L], random-forest[:trees=N] or"
              + " gradient-boosting[:trees=N] (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "CURVES.json",
      description = "Where the curves go.")
  Path output;

  @Option(names = "--plot", paramLabel = "CURVES.svg", description = "A plot of the mean curves.")
  @Nullable Path plot;

  @Override
  public Integer call() throws IOException {
    List<Long> seedList = parseSeeds(seeds);
    Trainer trainer;
    try {
      trainer = SmileTrainers.parse(model);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--model: " + e.getMessage(), e);
    }
    List<Strategy> list = new ArrayList<>();
    for (String name : strategies) {
      try {
        list.add(Strategies.named(name.strip()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--strategy: " + e.getMessage(), e);
      }
    }
    Pool pool =
        new PoolReader(
                labelColumn,
                Optional.ofNullable(idColumn),
                Optional.ofNullable(splitColumn),
                testValue,
                standardize)
            .read(data);
    Simulation sim = Simulation.of(pool, trainer).batch(batch).rounds(rounds);
    if (initialIds != null) {
      Set<String> ids = SelectCommand.readIds(initialIds);
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < pool.size(); i++) {
        position.put(pool.ids().id(i), i);
      }
      int[] positions = new int[ids.size()];
      int at = 0;
      for (String id : ids) {
        Integer p = position.get(id);
        if (p == null) {
          throw new IllegalArgumentException(
              initialIds
                  + ": id '"
                  + id
                  + "' is not in the pool of "
                  + data
                  + " (test rows cannot be in the seed set)");
        }
        positions[at++] = p;
      }
      sim = sim.initialPositions(positions);
    } else {
      sim = sim.initial(initial);
    }
    Comparison result = sim.compare(list, seedList);
    String json = json(result);
    AtomicFiles.write(output, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    if (plot != null) {
      String svg = Plot.svg(result);
      AtomicFiles.write(plot, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%s: %d pool items, %d test items, %d classes; %d seeds%n",
        data,
        pool.size(),
        pool.testLabels().length,
        pool.classes().size(),
        seedList.size());
    out.printf(Locale.ROOT, "%-18s %9s %17s%n", "strategy", "mean_auc", "gain_over_random");
    for (String name : result.meanAuc().keySet()) {
      out.printf(
          Locale.ROOT,
          "%-18s %9.4f %+17.4f%n",
          name,
          result.meanAuc().get(name),
          result.gainOverRandom().get(name));
    }
    out.flush();
    return Annotate.OK;
  }

  private List<Long> parseSeeds(String text) {
    List<Long> out = new ArrayList<>();
    try {
      for (String part : text.split(",", -1)) {
        String p = part.strip();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash));
          long to = Long.parseLong(p.substring(dash + 1));
          if (to < from || to - from > 10_000) {
            throw new NumberFormatException("bad range");
          }
          for (long s = from; s <= to; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--seeds: expected a range such as 0-4, a list such as 1,5,9 or one seed, found '"
              + text
              + "'",
          e);
    }
    if (out.stream().distinct().count() != out.size()) {
      throw new ParameterException(spec.commandLine(), "--seeds: a seed is repeated in " + text);
    }
    return out;
  }

  static String json(Comparison result) {
    StringBuilder s = new StringBuilder("{\"strategies\": {");
    boolean firstStrategy = true;
    for (Map.Entry<String, Map<Long, Curve>> e : result.curves().entrySet()) {
      s.append(firstStrategy ? "\n  " : ",\n  ");
      firstStrategy = false;
      s.append(quote(e.getKey())).append(": {\"seeds\": {");
      boolean firstSeed = true;
      for (Map.Entry<Long, Curve> c : e.getValue().entrySet()) {
        s.append(firstSeed ? "\n    " : ",\n    ");
        firstSeed = false;
        s.append(quote(Long.toString(c.getKey()))).append(": {\"accuracy\": [");
        List<Double> acc = c.getValue().accuracy();
        for (int i = 0; i < acc.size(); i++) {
          s.append(i == 0 ? "" : ", ").append(number(acc.get(i)));
        }
        s.append("], \"auc\": ").append(number(c.getValue().auc())).append('}');
      }
      s.append("},\n    \"mean_auc\": ")
          .append(number(java.util.Objects.requireNonNull(result.meanAuc().get(e.getKey()))))
          .append(", \"gain_over_random\": ")
          .append(number(java.util.Objects.requireNonNull(result.gainOverRandom().get(e.getKey()))))
          .append('}');
    }
    return s.append("\n}}\n").toString();
  }

  private static String number(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    return Double.toString(v);
  }

  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
