package org.annotationkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.TopK;
import org.annotationkit.activelearning.batch.RankedBatch;
import org.annotationkit.activelearning.coldstart.ColdStart;
import org.annotationkit.activelearning.committee.CommitteeSampler;
import org.annotationkit.activelearning.committee.Disagreement;
import org.annotationkit.activelearning.diversity.KCenterGreedy;
import org.annotationkit.activelearning.uncertainty.Uncertainty;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.core.table.CsvWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code annotate select}: the next items to label, by a sampling strategy over a model's class
 * probabilities (and embeddings, for the diversity strategies), written as {@code rank,id,score}.
 */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    description = {
      "Picks the next items to label from a model's class probabilities, by a sampling strategy.",
      "Writes rank,id,score (score: the strategy's utility, higher is picked first; ties go to the"
          + " item that comes first in PROBS.csv)."
    })
final class SelectCommand implements Callable<Integer> {
  static final List<String> STRATEGIES =
      List.of(
          "least-confidence",
          "margin",
          "ratio",
          "entropy",
          "vote-entropy",
          "consensus-entropy",
          "kl",
          "bald",
          "k-center",
          "ranked-batch",
          "random");

  @Spec CommandSpec spec;

  @Option(
      names = "--scores",
      required = true,
      paramLabel = "PROBS.csv",
      description =
          "Class probabilities: id,<class>,...; with a member column after id for vote-entropy,"
              + " consensus-entropy and kl, a sample column for bald.")
  Path scores;

  @Option(
      names = "--strategy",
      required = true,
      paramLabel = "STRATEGY",
      description =
          "least-confidence, margin, ratio, entropy, vote-entropy, consensus-entropy, kl, bald,"
              + " k-center, ranked-batch or random.")
  String strategy;

  @Option(names = "--k", required = true, paramLabel = "K", description = "How many to pick.")
  int k;

  @Option(
      names = "--embeddings",
      paramLabel = "EMB.csv",
      description = "Embeddings id,x0,x1,... (k-center, ranked-batch), labeled items included.")
  @Nullable Path embeddings;

  @Option(
      names = "--labeled",
      paramLabel = "IDS.txt",
      description =
          "Ids already labeled, one per line: never picked; k-center and ranked-batch measure"
              + " distance to them.")
  @Nullable Path labeled;

  @Option(
      names = "--costs",
      paramLabel = "COSTS.csv",
      description = "Labeling costs id,cost: items are ranked by utility per unit of cost.")
  @Nullable Path costs;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of random (default 0).")
  long seed;

  @Option(
      names = "--output",
      paramLabel = "PICKS.csv",
      description = "Where the picks go (default: standard output).")
  @Nullable Path output;

  @Override
  public Integer call() throws IOException {
    if (!STRATEGIES.contains(strategy)) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown strategy '" + strategy + "', expected one of " + String.join(", ", STRATEGIES));
    }
    if (k < 0) {
      throw new ParameterException(spec.commandLine(), "--k must be >= 0, got " + k);
    }
    String group =
        switch (strategy) {
          case "vote-entropy", "consensus-entropy", "kl" -> "member";
          case "bald" -> "sample";
          default -> null;
        };
    if ((strategy.equals("k-center") || strategy.equals("ranked-batch")) && embeddings == null) {
      throw new ParameterException(
          spec.commandLine(), "--strategy " + strategy + " needs --embeddings EMB.csv");
    }
    ScoresTable table = ScoresTable.read(scores, group);
    Set<String> labeledIds = labeled == null ? Set.of() : readIds(labeled);
    List<Pick> picks = picks(table, labeledIds);
    write(picks);
    return Annotate.OK;
  }

  private List<Pick> picks(ScoresTable table, Set<String> labeledIds) {
    ItemIds ids = table.ids();
    int n = ids.size();
    boolean[] excluded = new boolean[n];
    for (int i = 0; i < n; i++) {
      excluded[i] = labeledIds.contains(ids.id(i));
    }
    double @Nullable [] cost = costs == null ? null : readCosts(costs, ids);
    return switch (strategy) {
      case "k-center", "ranked-batch" -> diversity(table, labeledIds, excluded);
      default -> {
        double[] utility = utilities(table);
        TopK top = new TopK(k, ids);
        for (int i = 0; i < n; i++) {
          if (!excluded[i]) {
            top.add(i, cost == null ? utility[i] : utility[i] / cost[i]);
          }
        }
        yield top.finish();
      }
    };
  }

  private double[] utilities(ScoresTable table) {
    int n = table.ids().size();
    return switch (strategy) {
      case "vote-entropy", "consensus-entropy", "kl", "bald" ->
          CommitteeSampler.of(Disagreement.ofCliName(strategy)).scores(table.probabilities());
      case "random" -> ColdStart.randomUtilities(n, seed);
      default -> {
        Uncertainty u = Uncertainty.ofCliName(strategy);
        Probabilities p = table.single();
        double[] row = new double[p.classes()];
        double[] utility = new double[n];
        for (int i = 0; i < n; i++) {
          p.row(i, row);
          utility[i] = u.score(row);
        }
        yield utility;
      }
    };
  }

  private List<Pick> diversity(ScoresTable table, Set<String> labeledIds, boolean[] excluded) {
    ItemIds ids = table.ids();
    Map<String, double[]> vectors = readEmbeddings(java.util.Objects.requireNonNull(embeddings));
    // The pool: the labeled items first, then the candidates, in PROBS.csv order.
    List<String> poolIds = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<Integer> labeledPositions = new ArrayList<>();
    for (String id : labeledIds) {
      double[] v = vectors.get(id);
      if (v == null) {
        throw new IllegalArgumentException("labeled item '" + id + "' has no row in " + embeddings);
      }
      labeledPositions.add(poolIds.size());
      poolIds.add(id);
      rows.add(v);
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (excluded[i]) {
        continue;
      }
      double[] v = vectors.get(ids.id(i));
      if (v == null) {
        throw new IllegalArgumentException(
            "item '" + ids.id(i) + "' of " + scores + " has no row in " + embeddings);
      }
      candidates.add(i);
      poolIds.add(ids.id(i));
      rows.add(v);
    }
    Embeddings pool = Embeddings.ofRows(rows.toArray(double[][]::new), ItemIds.of(poolIds));
    List<Pick> picks;
    if (strategy.equals("k-center")) {
      picks = KCenterGreedy.onThreads(0).select(pool, labeledPositions, k);
    } else {
      double[] all = new double[pool.items()];
      Probabilities p = table.single();
      double[] row = new double[p.classes()];
      for (int c = 0; c < candidates.size(); c++) {
        p.row(candidates.get(c), row);
        all[labeledPositions.size() + c] = Uncertainty.LEAST_CONFIDENCE.score(row);
      }
      picks = RankedBatch.onThreads(0).select(pool, all, labeledPositions, k);
    }
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.id(i), i);
    }
    List<Pick> out = new ArrayList<>();
    for (Pick pick : picks) {
      out.add(
          new Pick(
              pick.rank(),
              pick.id(),
              java.util.Objects.requireNonNull(position.get(pick.id())),
              pick.score()));
    }
    return out;
  }

  private void write(List<Pick> picks) {
    java.util.function.Consumer<CsvWriter> rows =
        csv -> {
          csv.row("rank", "id", "score");
          for (Pick pick : picks) {
            csv.cell(pick.rank()).cell(pick.id()).cell(pick.score()).endRow();
          }
        };
    if (output != null) {
      CsvWriter.write(output, CsvFormat.DEFAULT, rows);
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter csv = CsvWriter.to(bytes, CsvFormat.DEFAULT)) {
      rows.accept(csv);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
  }

  static Set<String> readIds(Path file) throws IOException {
    IoProblems.requireReadableFile(file);
    Set<String> ids = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String id = line.strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  static double[] readCosts(Path file, ItemIds ids) {
    IoProblems.requireReadableFile(file);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.id(i), i);
    }
    double[] cost = new double[ids.size()];
    java.util.Arrays.fill(cost, Double.NaN);
    try (CsvReader in = CsvReader.open(file)) {
      int[] columns = in.header().require("id", "cost");
      while (in.next()) {
        Integer at = position.get(in.get(columns[0]));
        double c = in.getDouble(columns[1]);
        if (!(c > 0) || Double.isInfinite(c)) {
          throw in.cellError(columns[1], "expected a positive cost, found " + c);
        }
        if (at != null) {
          cost[at] = c;
        }
      }
    }
    for (int i = 0; i < cost.length; i++) {
      if (Double.isNaN(cost[i])) {
        throw new IllegalArgumentException(
            "item '" + ids.id(i) + "' has no cost in " + file + " (every item needs one)");
      }
    }
    return cost;
  }

  static Map<String, double[]> readEmbeddings(Path file) {
    IoProblems.requireReadableFile(file);
    Map<String, double[]> vectors = new HashMap<>();
    try (CsvReader in = CsvReader.open(file)) {
      CsvHeader header = in.header();
      int d = header.requireLeading("id").size();
      while (in.next()) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
          v[j] = in.getDouble(1 + j);
          if (!Double.isFinite(v[j])) {
            throw in.cellError(1 + j, "expected a finite number, found " + v[j]);
          }
        }
        if (vectors.putIfAbsent(in.get(0), v) != null) {
          throw in.rowError("item '" + in.get(0) + "' appears twice");
        }
      }
    }
    return vectors;
  }
}
