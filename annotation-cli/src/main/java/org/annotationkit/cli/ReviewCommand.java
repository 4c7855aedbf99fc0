package org.annotationkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.review.ConfidentLearning;
import org.annotationkit.activelearning.review.LabelIssue;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.core.table.CsvWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code annotate review}: the labeled items most likely mislabeled, by confident learning over
 * out-of-sample class probabilities, written as {@code rank,id,label,suggested,score}.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the labeled items most likely mislabeled, by confident learning, to re-review first.",
      "PROBS.csv holds out-of-sample class probabilities (id,<class>,...), LABELS.csv the given"
          + " labels (id,label). Writes rank,id,label,suggested,score: score is 1 - p(label), the"
          + " label's unlikeliness; suggested the class the item confidently belongs to."
    })
final class ReviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scores",
      required = true,
      paramLabel = "PROBS.csv",
      description = "Out-of-sample class probabilities: id,<class>,...")
  Path scores;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "LABELS.csv",
      description = "The given labels: id,label; each label one of PROBS.csv's class columns.")
  Path labels;

  @Option(
      names = "--k",
      paramLabel = "K",
      description = "How many to list (default: every likely label error).")
  @Nullable Integer k;

  @Override
  public Integer call() {
    if (k != null && k < 0) {
      throw new ParameterException(spec.commandLine(), "--k must be >= 0, got " + k);
    }
    ScoresTable table = ScoresTable.read(scores, null);
    Review review = review(table, labels);
    List<LabelIssue> issues = k == null ? review.result().issues() : review.result().issues(k);
    LabelCoding coding = table.coding();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter csv = CsvWriter.to(bytes, CsvFormat.DEFAULT)) {
      csv.row("rank", "id", "label", "suggested", "score");
      for (LabelIssue issue : issues) {
        csv.cell(issue.rank())
            .cell(issue.id())
            .cell(coding.label(issue.given()))
            .cell(coding.label(issue.suggested()))
            .cell(issue.score())
            .endRow();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
    return Annotate.OK;
  }

  /** Confident learning over the items that have a label, in PROBS.csv order. */
  record Review(ConfidentLearning result, ItemIds ids) {}

  static Review review(ScoresTable table, Path labelsFile) {
    IoProblems.requireReadableFile(labelsFile);
    ItemIds ids = table.ids();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.id(i), i);
    }
    int[] given = new int[ids.size()];
    java.util.Arrays.fill(given, -1);
    try (CsvReader in = CsvReader.open(labelsFile)) {
      int[] columns = in.header().require("id", "label");
      while (in.next()) {
        String id = in.get(columns[0]);
        Integer at = position.get(id);
        if (at == null) {
          throw in.cellError(columns[0], "item '" + id + "' has no row in " + table.source());
        }
        String label = in.get(columns[1]);
        int code = table.coding().indexOf(label);
        if (code < 0) {
          throw in.cellError(
              columns[1],
              "label '"
                  + label
                  + "' is not a class column of the scores"
                  + org.annotationkit.core.internal.Hints.didYouMean(
                      label, table.coding().labels()));
        }
        if (given[at] >= 0) {
          throw in.rowError("item '" + id + "' is labeled twice");
        }
        given[at] = code;
      }
    }
    List<String> keptIds = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < given.length; i++) {
      if (given[i] >= 0) {
        keptIds.add(ids.id(i));
        kept.add(i);
      }
    }
    Probabilities all = table.single();
    int c = all.classes();
    double[] values = new double[kept.size() * c];
    int[] codes = new int[kept.size()];
    for (int r = 0; r < kept.size(); r++) {
      for (int j = 0; j < c; j++) {
        values[r * c + j] = all.get(kept.get(r), j);
      }
      codes[r] = given[kept.get(r)];
    }
    ItemIds keptItemIds = ItemIds.of(keptIds);
    return new Review(
        ConfidentLearning.of(Probabilities.of(values, c, Layout.ROW_MAJOR, keptItemIds), codes),
        keptItemIds);
  }
}
