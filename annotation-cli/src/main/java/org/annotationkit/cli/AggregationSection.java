package org.annotationkit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.aggregation.WeightedMajorityVote;
import org.annotationkit.metrics.data.Answers;
import org.annotationkit.metrics.quality.AnnotatorQuality;
import org.annotationkit.metrics.quality.Flag;
import org.annotationkit.metrics.quality.QualityCheck;
import org.annotationkit.metrics.quality.QualityReport;

/**
 * The demo's section on aggregation and annotator quality: a noisy crowd (synthetic, drawn from a
 * fixed seed, so every run prints the same) of five careful annotators and one planted spammer who
 * answers at random, aggregated by majority vote and by Dawid-Skene; the items where the two
 * differ, how often each is right, and the annotators the quality check flags, with the evidence.
 */
final class AggregationSection implements DemoSection {
  static final String SPAMMER = "spammer";
  private static final String[] LABELS = {"cat", "dog", "fox"};
  private static final int ITEMS = 60;
  private static final int PER_ITEM = 3;

  @Override
  public String title() {
    return "Aggregating a noisy crowd: majority vote vs Dawid-Skene, and the planted spammer";
  }

  @Override
  public void print(SampleProject project, PrintWriter out) {
    SplittableRandom random = new SplittableRandom(2026);
    String[] annotators = {"ann-1", "ann-2", "ann-3", "ann-4", "ann-5", SPAMMER};
    double[] accuracy = {0.85, 0.8, 0.75, 0.7, 0.8, 0};
    Answers.Builder builder = Answers.builder();
    String[] truth = new String[ITEMS];
    int[] order = new int[annotators.length];
    for (int u = 0; u < ITEMS; u++) {
      int t = random.nextInt(LABELS.length);
      truth[u] = LABELS[t];
      for (int a = 0; a < order.length; a++) {
        order[a] = a;
      }
      for (int j = 0; j < PER_ITEM; j++) {
        int pick = j + random.nextInt(order.length - j);
        int a = order[pick];
        order[pick] = order[j];
        order[j] = a;
        int answer;
        if (annotators[a].equals(SPAMMER)) {
          answer = random.nextInt(LABELS.length);
        } else if (random.nextDouble() < accuracy[a]) {
          answer = t;
        } else {
          answer = (t + 1 + random.nextInt(LABELS.length - 1)) % LABELS.length;
        }
        builder.add(item(u), annotators[a], LABELS[answer]);
      }
    }
    Answers answers = builder.build();
    Aggregation mv = WeightedMajorityVote.unweighted().aggregate(answers);
    Aggregation ds = DawidSkene.defaults().aggregate(answers);
    out.printf(
        Locale.ROOT,
        "  %d answers to %d items by %d annotators (%d per item; synthetic, seeded: five careful"
            + " annotators right 70-85%% of the time, '%s' answers at random)%n",
        answers.size(),
        ITEMS,
        annotators.length,
        PER_ITEM,
        SPAMMER);
    out.printf(
        Locale.ROOT,
        "  right against the true labels: majority vote %d of %d, Dawid-Skene %d of %d%n",
        right(mv, truth),
        ITEMS,
        right(ds, truth),
        ITEMS);
    out.println("  where they differ (item: majority vote, Dawid-Skene, truth):");
    int differ = 0;
    for (int u = 0; u < ITEMS; u++) {
      int code = answers.items().code(item(u));
      String a = mv.categories().label(mv.label(code));
      String b = ds.categories().label(ds.label(code));
      if (!a.equals(b)) {
        differ++;
        out.printf(
            Locale.ROOT,
            "    %s: %s (%.2f%s), %s (%.2f), %s%n",
            item(u),
            a,
            mv.confidence(code),
            mv.tied(code) ? ", tie" : "",
            b,
            ds.confidence(code),
            truth[u]);
      }
    }
    if (differ == 0) {
      out.println("    nowhere");
    }
    QualityReport report = QualityCheck.defaults().assess(answers, ds);
    out.println("  flagged by the quality check (annotate quality):");
    for (AnnotatorQuality a : report.flagged()) {
      for (Flag f : a.flags()) {
        out.printf(Locale.ROOT, "    %s %s: %s%n", a.annotator(), f.kind().id(), f.evidence());
      }
    }
    if (report.flagged().isEmpty()) {
      out.println("    nobody");
    }
  }

  private static String item(int u) {
    return String.format(Locale.ROOT, "photo-%02d", u);
  }

  private static int right(Aggregation result, String[] truth) {
    int right = 0;
    for (int u = 0; u < truth.length; u++) {
      int code = result.items().code(item(u));
      if (result.categories().label(result.label(code)).equals(truth[u])) {
        right++;
      }
    }
    return right;
  }
}
