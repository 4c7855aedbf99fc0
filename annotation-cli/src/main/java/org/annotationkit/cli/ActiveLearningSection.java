package org.annotationkit.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.ProbabilityModel;
import org.annotationkit.activelearning.Trainer;
import org.annotationkit.activelearning.review.ConfidentLearning;
import org.annotationkit.activelearning.review.LabelIssue;
import org.annotationkit.activelearning.smile.SmileTrainers;
import org.annotationkit.activelearning.uncertainty.Uncertainty;
import org.annotationkit.activelearning.uncertainty.UncertaintySampler;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvReader;

/**
 * The demo's section on active learning: a logistic regression trained on the labeled sample
 * (iris-labeled.csv, three of whose labels were flipped on purpose), the unlabeled sample ranked by
 * margin, the next batch to label, and the labeled items most likely mislabeled by confident
 * learning over 5-fold out-of-sample probabilities.
 */
final class ActiveLearningSection implements DemoSection {
  private static final String SAMPLES = "/org/annotationkit/cli/samples/";
  private static final int BATCH = 5;
  private static final int FOLDS = 5;

  @Override
  public String title() {
    return "Active learning: the next batch to label, and labels to re-review";
  }

  // Read once and never compared: the array's identity is all equals would need.
  @SuppressWarnings("ArrayRecordComponent")
  private record Table(List<String> ids, double[][] x, List<String> labels) {}

  @Override
  public void print(SampleProject project, PrintWriter out) {
    Table labeled = read("iris-labeled.csv", true);
    Table unlabeled = read("iris-unlabeled.csv", false);
    LabelCoding coding = LabelCoding.sorted(labeled.labels());
    int[] y = coding.codes(labeled.labels());
    standardize(labeled.x(), unlabeled.x());
    Trainer trainer = SmileTrainers.logisticRegression(1.0);
    ProbabilityModel model = trainer.fit(labeled.x(), y, coding.size(), 0);
    out.printf(
        Locale.ROOT,
        "  logistic regression on %d labeled flowers (iris-labeled.csv), %d unlabeled to rank%n",
        labeled.ids().size(),
        unlabeled.ids().size());
    Probabilities pool = model.predictAll(unlabeled.x(), ItemIds.of(unlabeled.ids()));
    List<Pick> batch = UncertaintySampler.of(Uncertainty.MARGIN).select(pool, BATCH);
    out.printf(Locale.ROOT, "  next batch to label, by margin (1 - (p1 - p2)):%n");
    double[] row = new double[coding.size()];
    for (Pick pick : batch) {
      pool.row((int) pick.position(), row);
      out.printf(
          Locale.ROOT,
          "    %d. %-9s margin %.3f   %s%n",
          pick.rank(),
          pick.id(),
          pick.score(),
          describe(coding, row));
    }
    ConfidentLearning review = ConfidentLearning.of(outOfSample(trainer, labeled, y, coding), y);
    out.printf(
        Locale.ROOT, "  labels most likely wrong, by confident learning (5-fold out-of-sample):%n");
    List<LabelIssue> issues = review.issues(BATCH);
    if (issues.isEmpty()) {
      out.println("    none found");
    }
    for (LabelIssue issue : issues) {
      out.printf(
          Locale.ROOT,
          "    %d. %-9s labeled %-10s likely %-10s p(label) %.3f%n",
          issue.rank(),
          issue.id(),
          coding.label(issue.given()),
          coding.label(issue.suggested()),
          1 - issue.score());
    }
    out.println(
        "  Same on your files: annotate select --scores PROBS.csv --strategy margin --k 10;");
    out.println("  annotate review --scores PROBS.csv --labels LABELS.csv");
  }

  private static String describe(LabelCoding coding, double[] p) {
    StringBuilder s = new StringBuilder();
    for (int j = 0; j < p.length; j++) {
      s.append(j == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "%s %.2f", coding.label(j), p[j]));
    }
    return s.toString();
  }

  private static Probabilities outOfSample(
      Trainer trainer, Table labeled, int[] y, LabelCoding coding) {
    int n = y.length;
    int c = coding.size();
    double[] values = new double[n * c];
    double[] p = new double[c];
    for (int f = 0; f < FOLDS; f++) {
      List<double[]> fx = new ArrayList<>();
      List<Integer> fy = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (i % FOLDS != f) {
          fx.add(labeled.x()[i]);
          fy.add(y[i]);
        }
      }
      ProbabilityModel model =
          trainer.fit(
              fx.toArray(double[][]::new), fy.stream().mapToInt(Integer::intValue).toArray(), c, f);
      for (int i = f; i < n; i += FOLDS) {
        model.predict(labeled.x()[i], p);
        System.arraycopy(p, 0, values, i * c, c);
      }
    }
    return Probabilities.of(values, c, Layout.ROW_MAJOR, ItemIds.of(labeled.ids()));
  }

  private static Table read(String name, boolean withLabels) {
    InputStream in =
        Objects.requireNonNull(
            ActiveLearningSection.class.getResourceAsStream(SAMPLES + name),
            "the command's jar lacks " + name);
    try (CsvReader csv = CsvReader.open(in, name, CsvFormat.DEFAULT)) {
      int columns = csv.header().size();
      int features = withLabels ? columns - 2 : columns - 1;
      List<String> ids = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      while (csv.next()) {
        ids.add(csv.get(0));
        double[] x = new double[features];
        for (int j = 0; j < features; j++) {
          x[j] = csv.getDouble(1 + j);
        }
        rows.add(x);
        if (withLabels) {
          labels.add(csv.get(columns - 1));
        }
      }
      return new Table(ids, rows.toArray(double[][]::new), labels);
    }
  }

  /** By the labeled sample's mean and population standard deviation. */
  private static void standardize(double[][] fit, double[][] other) {
    for (int j = 0; j < fit[0].length; j++) {
      double mean = 0;
      for (double[] r : fit) {
        mean += r[j];
      }
      mean /= fit.length;
      double var = 0;
      for (double[] r : fit) {
        var += (r[j] - mean) * (r[j] - mean);
      }
      double sd = Math.sqrt(var / fit.length);
      double scale = sd > 0 ? sd : 1;
      for (double[] r : fit) {
        r[j] = (r[j] - mean) / scale;
      }
      for (double[] r : other) {
        r[j] = (r[j] - mean) / scale;
      }
    }
  }
}
