package org.annotationkit.metrics.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.Aggregator;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.aggregation.Mace;
import org.annotationkit.metrics.data.Answers;
import org.jspecify.annotations.Nullable;

/**
 * Judges annotators: against gold items, against the consensus of an {@link Aggregator}, and by
 * what the methods estimate of them; flags likely spammers and annotators far below the rest, each
 * with its evidence; and reports where a project's labels are noisy.
 *
 * {@snippet :
 * QualityReport report =
 *     QualityCheck.defaults().withGold(gold).assess(Answers.read(labels, AnswerOptions.DEFAULT));
 * for (AnnotatorQuality a : report.flagged()) {
 *   String line = a.annotator() + ": " + a.flags();
 * }
 * }
 *
 * <p><b>What is measured.</b> Each item's consensus label is the label the consensus method gives
 * it (Dawid-Skene by default). An annotator's {@linkplain AnnotatorQuality#consensus() consensus
 * matrix} counts their answers by consensus label and given label; their {@linkplain
 * AnnotatorQuality#gold() gold matrix} does the same against the gold labels (a gold label no
 * annotator used is added to the categories, after theirs, in sorted order). Their {@linkplain
 * AnnotatorQuality#skill() skill} is the consensus method's estimate, and their {@linkplain
 * AnnotatorQuality#spamming() spamming probability} is one minus their MACE competence (MACE runs
 * with crowd-kit's defaults unless {@linkplain #withoutSpamModel() turned off}).
 *
 * <p><b>Flags</b> (only for annotators with at least {@linkplain #withMinAnswers min answers}, 10
 * by default):
 *
 * <ul>
 *   <li>{@link Flag.Kind#SINGLE_LABEL}: every answer has one label while the other annotators'
 *       majority on the items they answered uses at least two;
 *   <li>{@link Flag.Kind#INDEPENDENT_OF_ITEM}: Pearson's chi-square test of their answers against
 *       the other annotators' majority ({@link IndependenceTest}; the majority of an item's answers
 *       without theirs, items where the others tie or nobody else answered left out) does not
 *       reject independence at level {@linkplain #withAlpha alpha} ({@code 0.01} by default: a
 *       spammer is flagged 99 times in 100, while a useful annotator with tens of answers has
 *       p-values far below it); MACE's spamming probability is given as further evidence;
 *   <li>{@link Flag.Kind#FAR_BELOW}: their consensus agreement, or their gold accuracy when at
 *       least {@linkplain #withMinGoldAnswers min gold answers} (5 by default) of theirs are gold,
 *       is an outlier below the others': the modified z-score {@code 0.6745 (x - median) / MAD} of
 *       B. Iglewicz and D. C. Hoaglin, "How to Detect and Handle Outliers" (ASQC, 1993), under
 *       {@code -3.5} by default, among at least three annotators. When the median absolute
 *       deviation is 0, the mean absolute deviation stands in ({@code (x - median) / (1.253314
 *       MeanAD)}); when both are 0 everyone agrees and nobody is flagged.
 * </ul>
 *
 * <p>The consensus includes each annotator's own answers (a model such as Dawid-Skene can fit a
 * spammer's answers as a confusion pattern and so lean towards them), which is why the spam tests
 * compare with the others' majority instead.
 *
 * <p>Immutable and thread-safe; the same answers in any row order give the same report.
 *
 * @since 0.1.0
 */
public final class QualityCheck {
  private static final QualityCheck DEFAULTS =
      new QualityCheck(DawidSkene.defaults(), Mace.defaults(), Map.of(), 0.01, 10, 5, 3.5, 0.7, 10);

  /** {@code Phi^-1(3/4)}: the MAD of a standard normal sample. */
  private static final double MAD_SCALE = 0.6745;

  /** {@code sqrt(pi / 2)}: the mean absolute deviation of a standard normal sample, inverted. */
  private static final double MEAN_AD_SCALE = 1.253314;

  private final Aggregator consensus;
  private final @Nullable Mace spamModel;
  private final Map<String, String> gold;
  private final double alpha;
  private final int minAnswers;
  private final int minGoldAnswers;
  private final double outlierThreshold;
  private final double weakConfidence;
  private final int limit;

  private QualityCheck(
      Aggregator consensus,
      @Nullable Mace spamModel,
      Map<String, String> gold,
      double alpha,
      int minAnswers,
      int minGoldAnswers,
      double outlierThreshold,
      double weakConfidence,
      int limit) {
    this.consensus = consensus;
    this.spamModel = spamModel;
    this.gold = gold;
    this.alpha = alpha;
    this.minAnswers = minAnswers;
    this.minGoldAnswers = minGoldAnswers;
    this.outlierThreshold = outlierThreshold;
    this.weakConfidence = weakConfidence;
    this.limit = limit;
  }

  /**
   * The defaults: Dawid-Skene consensus, MACE for the spamming probabilities, no gold, alpha {@code
   * 0.01}, 10 answers before flags, 5 gold answers before gold accuracy is compared, outliers under
   * a modified z-score of {@code -3.5}, consensus under {@code 0.7} is weak, 10 lines per noise
   * list.
   *
   * @return the check
   */
  public static QualityCheck defaults() {
    return DEFAULTS;
  }

  private QualityCheck copy(
      Aggregator consensus,
      @Nullable Mace spamModel,
      Map<String, String> gold,
      double alpha,
      int minAnswers,
      int minGoldAnswers,
      double outlierThreshold,
      double weakConfidence,
      int limit) {
    return new QualityCheck(
        consensus,
        spamModel,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another consensus method.
   *
   * @param method the aggregator that gives each item its consensus label (give it the gold too,
   *     where it takes gold, for the consensus to respect it)
   * @return a new check
   */
  public QualityCheck withConsensus(Aggregator method) {
    Objects.requireNonNull(method, "method");
    return copy(
        method,
        spamModel,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another MACE configuration for the spamming probabilities.
   *
   * @param mace the model
   * @return a new check
   */
  public QualityCheck withSpamModel(Mace mace) {
    Objects.requireNonNull(mace, "mace");
    return copy(
        consensus,
        mace,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check without MACE: no spamming probabilities.
   *
   * @return a new check
   */
  public QualityCheck withoutSpamModel() {
    return copy(
        consensus,
        null,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with gold labels; gold items nobody answered are ignored.
   *
   * @param goldLabels the known label of some items, by item id; copied
   * @return a new check
   */
  public QualityCheck withGold(Map<String, String> goldLabels) {
    Map<String, String> copy = Map.copyOf(goldLabels);
    copy.forEach((item, label) -> {
      if (item.isEmpty() || label.isEmpty()) {
        throw new IllegalArgumentException(
            "gold item ids and labels must be non-empty, got '" + item + "' -> '" + label + "'");
      }
    });
    return copy(
        consensus,
        spamModel,
        copy,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another level of the independence test.
   *
   * @param level in {@code (0, 1)}; an annotator is flagged when the p-value is at least this
   * @return a new check
   */
  public QualityCheck withAlpha(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + level);
    }
    return copy(
        consensus,
        spamModel,
        gold,
        level,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another number of answers an annotator needs before being flagged.
   *
   * @param count {@code >= 1}
   * @return a new check
   */
  public QualityCheck withMinAnswers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("minAnswers must be >= 1, got " + count);
    }
    return copy(
        consensus,
        spamModel,
        gold,
        alpha,
        count,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another number of gold answers before gold accuracy is compared.
   *
   * @param count {@code >= 1}
   * @return a new check
   */
  public QualityCheck withMinGoldAnswers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("minGoldAnswers must be >= 1, got " + count);
    }
    return copy(
        consensus,
        spamModel,
        gold,
        alpha,
        minAnswers,
        count,
        outlierThreshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another outlier threshold.
   *
   * @param threshold positive; flagged when the modified z-score is below {@code -threshold}
   * @return a new check
   */
  public QualityCheck withOutlierThreshold(double threshold) {
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "outlierThreshold must be finite and > 0, got " + threshold);
    }
    return copy(
        consensus,
        spamModel,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        threshold,
        weakConfidence,
        limit);
  }

  /**
   * This check with another bound on weak consensus.
   *
   * @param confidence in {@code [0, 1]}; items whose consensus confidence is below it are weak
   * @return a new check
   */
  public QualityCheck withWeakConfidence(double confidence) {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("weakConfidence must be in [0, 1], got " + confidence);
    }
    return copy(
        consensus,
        spamModel,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        confidence,
        limit);
  }

  /**
   * This check with another length of the noise report's annotator and label-pair lists.
   *
   * @param lines {@code >= 1}
   * @return a new check
   */
  public QualityCheck withLimit(int lines) {
    if (lines < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + lines);
    }
    return copy(
        consensus,
        spamModel,
        gold,
        alpha,
        minAnswers,
        minGoldAnswers,
        outlierThreshold,
        weakConfidence,
        lines);
  }

  /**
   * Judges the annotators of an answer table.
   *
   * @param answers the answers
   * @return the report
   */
  public QualityReport assess(Answers answers) {
    Objects.requireNonNull(answers, "answers");
    return assess(answers, consensus.aggregate(answers));
  }

  /**
   * Judges the annotators of an answer table against a consensus already computed from it.
   *
   * @param answers the answers
   * @param agreed the consensus of exactly these answers
   * @return the report
   * @throws IllegalArgumentException if the consensus is of other items or categories
   */
  public QualityReport assess(Answers answers, Aggregation agreed) {
    Objects.requireNonNull(answers, "answers");
    Objects.requireNonNull(agreed, "agreed");
    if (!agreed.categories().equals(answers.labels())
        || !agreed.items().equals(answers.items())
        || !agreed.annotators().equals(answers.annotators())) {
      throw new IllegalArgumentException(
          "the consensus " + agreed + " is not of the answers " + answers);
    }
    int n = answers.itemCount();
    int m = answers.annotatorCount();
    int k = answers.labelCount();
    int[] labels = agreed.labels();
    Optional<Aggregation> spam =
        spamModel == null ? Optional.empty() : Optional.of(spamModel.aggregate(answers));

    // Gold: the answers' categories, then the gold labels nobody used, sorted.
    LabelCoding goldCoding = answers.labels();
    int[] goldOf = new int[n];
    Arrays.fill(goldOf, -1);
    if (!gold.isEmpty()) {
      TreeSet<String> extra = new TreeSet<>();
      for (String label : gold.values()) {
        if (!answers.labels().contains(label)) {
          extra.add(label);
        }
      }
      List<String> all = new ArrayList<>(answers.labels().labels());
      all.addAll(extra);
      goldCoding = LabelCoding.of(all);
      for (Map.Entry<String, String> e : gold.entrySet()) {
        int u = answers.items().indexOf(e.getKey());
        if (u >= 0) {
          goldOf[u] = goldCoding.code(e.getValue());
        }
      }
    }
    int kg = goldCoding.size();
    int[] itemCounts = answers.counts();
    long[][] vsOthers = new long[m][k * k];
    long[][] vsConsensus = new long[m][k * k];
    long[][] vsGold = new long[m][kg * kg];
    int[] count = new int[m];
    for (int i = 0; i < answers.size(); i++) {
      int a = answers.annotator(i);
      int u = answers.item(i);
      int given = answers.label(i);
      count[a]++;
      vsConsensus[a][labels[u] * k + given]++;
      int others = othersMajority(itemCounts, u * k, k, given);
      if (others >= 0) {
        vsOthers[a][others * k + given]++;
      }
      if (goldOf[u] >= 0) {
        vsGold[a][goldOf[u] * kg + given]++;
      }
    }

    ConfusionMatrix[] consensusMatrix = new ConfusionMatrix[m];
    List<Optional<ConfusionMatrix>> goldMatrix = new ArrayList<>(m);
    IndependenceTest[] tests = new IndependenceTest[m];
    List<List<Flag>> flags = new ArrayList<>();
    for (int a = 0; a < m; a++) {
      consensusMatrix[a] = ConfusionMatrix.of(answers.labels(), vsConsensus[a]);
      goldMatrix.add(
          gold.isEmpty()
              ? Optional.empty()
              : Optional.of(ConfusionMatrix.of(goldCoding, vsGold[a])));
      tests[a] = IndependenceTest.of(vsOthers[a], k, k);
      flags.add(new ArrayList<>());
    }
    double[] mace = spam.flatMap(Aggregation::skills).orElse(null);
    for (int a = 0; a < m; a++) {
      if (count[a] < minAnswers) {
        continue;
      }
      long[] cells = vsOthers[a];
      int usedGiven = 0;
      int lastGiven = -1;
      int usedConsensus = 0;
      for (int c = 0; c < k; c++) {
        long column = 0;
        long row = 0;
        for (int t = 0; t < k; t++) {
          column += cells[t * k + c];
          row += cells[c * k + t];
        }
        if (column > 0) {
          usedGiven++;
          lastGiven = c;
        }
        if (row > 0) {
          usedConsensus++;
        }
      }
      String spamEvidence =
          mace == null
              ? ""
              : String.format(Locale.ROOT, "; MACE spamming probability %.3f", 1 - mace[a]);
      if (usedGiven == 1 && usedConsensus >= 2) {
        flags
            .get(a)
            .add(
                new Flag(
                    Flag.Kind.SINGLE_LABEL,
                    String.format(
                        Locale.ROOT,
                        "all %d answers are '%s' while the other annotators' majority on those items"
                            + " has %d labels%s",
                        count[a],
                        answers.labels().label(lastGiven),
                        usedConsensus,
                        spamEvidence)));
      } else if (usedGiven >= 2 && tests[a].degreesOfFreedom() > 0 && tests[a].pValue() >= alpha) {
        IndependenceTest t = tests[a];
        flags
            .get(a)
            .add(
                new Flag(
                    Flag.Kind.INDEPENDENT_OF_ITEM,
                    String.format(
                        Locale.ROOT,
                        "chi-square %.3f with %d degrees of freedom against the other annotators'"
                            + " majority, p = %.3g"
                            + " >= %s; Cramér's V %.3f over %d answers%s",
                        t.chiSquare(),
                        t.degreesOfFreedom(),
                        t.pValue(),
                        alpha,
                        t.cramersV(),
                        t.answers(),
                        spamEvidence)));
      }
    }
    // Far below the rest: consensus agreement, then gold accuracy.
    double[] agreement = new double[m];
    boolean[] eligible = new boolean[m];
    for (int a = 0; a < m; a++) {
      eligible[a] = count[a] >= minAnswers;
      agreement[a] = consensusMatrix[a].accuracy().orElse(Double.NaN);
    }
    farBelow(agreement, eligible, "consensus agreement", flags);
    if (!gold.isEmpty()) {
      double[] accuracy = new double[m];
      boolean[] enough = new boolean[m];
      for (int a = 0; a < m; a++) {
        ConfusionMatrix g = goldMatrix.get(a).orElseThrow();
        enough[a] = g.total() >= minGoldAnswers;
        accuracy[a] = g.accuracy().orElse(Double.NaN);
      }
      farBelow(accuracy, enough, "gold accuracy", flags);
    }

    List<AnnotatorQuality> lines = new ArrayList<>(m);
    for (int a = 0; a < m; a++) {
      OptionalDouble spamming =
          mace == null ? OptionalDouble.empty() : OptionalDouble.of(1 - mace[a]);
      lines.add(
          new AnnotatorQuality(
              answers.annotators().label(a),
              count[a],
              consensusMatrix[a],
              goldMatrix.get(a),
              agreed.skill(a),
              spamming,
              tests[a],
              flags.get(a)));
    }
    return new QualityReport(agreed, spam, lines, noise(answers, agreed, lines));
  }

  private void farBelow(double[] values, boolean[] eligible, String what, List<List<Flag>> flags) {
    int count = 0;
    for (int a = 0; a < values.length; a++) {
      if (eligible[a] && !Double.isNaN(values[a])) {
        count++;
      }
    }
    if (count < 3) {
      return;
    }
    double[] sample = new double[count];
    int j = 0;
    for (int a = 0; a < values.length; a++) {
      if (eligible[a] && !Double.isNaN(values[a])) {
        sample[j++] = values[a];
      }
    }
    double median = median(sample);
    double[] deviations = new double[count];
    double meanDeviation = 0;
    for (int i = 0; i < count; i++) {
      deviations[i] = Math.abs(sample[i] - median);
      meanDeviation += deviations[i];
    }
    meanDeviation /= count;
    double mad = median(deviations);
    for (int a = 0; a < values.length; a++) {
      if (!eligible[a] || Double.isNaN(values[a]) || !(values[a] < median)) {
        continue;
      }
      double z;
      String spread;
      if (mad > 0) {
        z = MAD_SCALE * (values[a] - median) / mad;
        spread = String.format(Locale.ROOT, "median absolute deviation %.4f", mad);
      } else if (meanDeviation > 0) {
        z = (values[a] - median) / (MEAN_AD_SCALE * meanDeviation);
        spread =
            String.format(
                Locale.ROOT,
                "median absolute deviation 0, mean absolute deviation %.4f",
                meanDeviation);
      } else {
        continue;
      }
      if (z < -outlierThreshold) {
        flags
            .get(a)
            .add(
                new Flag(
                    Flag.Kind.FAR_BELOW,
                    String.format(
                        Locale.ROOT,
                        "%s %.3f against a median of %.3f (%s) among %d annotators: modified"
                            + " z-score %.2f < -%s",
                        what,
                        values[a],
                        median,
                        spread,
                        count,
                        z,
                        outlierThreshold)));
      }
    }
  }

  /**
   * The label most of the other answers of an item gave, leaving out one answer of label {@code
   * own}: {@code -1} when no other answer is left or the others tie.
   */
  private static int othersMajority(int[] counts, int row, int k, int own) {
    int best = -1;
    int bestCount = 0;
    boolean tie = false;
    for (int c = 0; c < k; c++) {
      int v = counts[row + c] - (c == own ? 1 : 0);
      if (v > bestCount) {
        best = c;
        bestCount = v;
        tie = false;
      } else if (v == bestCount && v > 0) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private LabelNoiseReport noise(
      Answers answers, Aggregation agreed, List<AnnotatorQuality> lines) {
    int n = answers.itemCount();
    int k = answers.labelCount();
    List<LabelNoiseReport.WeakItem> weak = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      if (agreed.confidence(u) < weakConfidence) {
        weak.add(
            new LabelNoiseReport.WeakItem(
                answers.items().label(u),
                answers.labels().label(agreed.label(u)),
                agreed.confidence(u),
                answers.end(u) - answers.start(u),
                agreed.tied(u)));
      }
    }
    // Items are coded in sorted id order, so a stable sort by confidence breaks ties by id.
    weak.sort(Comparator.comparingDouble(LabelNoiseReport.WeakItem::confidence));

    List<LabelNoiseReport.Disagreement> disagreements = new ArrayList<>();
    long[] pairs = new long[k * k];
    for (AnnotatorQuality line : lines) {
      ConfusionMatrix c = line.consensus();
      long wrong = c.total() - c.correct();
      if (wrong > 0) {
        disagreements.add(new LabelNoiseReport.Disagreement(line.annotator(), wrong, c.total()));
      }
      long[] cells = c.counts();
      for (int i = 0; i < cells.length; i++) {
        pairs[i] += cells[i];
      }
    }
    disagreements.sort(
        Comparator.comparingDouble(LabelNoiseReport.Disagreement::rate)
            .reversed()
            .thenComparing(LabelNoiseReport.Disagreement::annotator));
    List<LabelNoiseReport.ConfusedPair> confused = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      long row = 0;
      for (int c = 0; c < k; c++) {
        row += pairs[t * k + c];
      }
      for (int c = 0; c < k; c++) {
        long v = pairs[t * k + c];
        if (c != t && v > 0) {
          confused.add(
              new LabelNoiseReport.ConfusedPair(
                  answers.labels().label(t), answers.labels().label(c), v, (double) v / row));
        }
      }
    }
    // Added in (consensus, given) code order, so the stable sort breaks ties by codes.
    confused.sort(Comparator.comparingLong(LabelNoiseReport.ConfusedPair::count).reversed());
    return new LabelNoiseReport(
        weak,
        disagreements.subList(0, Math.min(limit, disagreements.size())),
        confused.subList(0, Math.min(limit, confused.size())));
  }

  @Override
  public String toString() {
    return "QualityCheck[consensus="
        + consensus
        + ", spamModel="
        + spamModel
        + ", gold="
        + gold.size()
        + " items, alpha="
        + alpha
        + ", minAnswers="
        + minAnswers
        + ", minGoldAnswers="
        + minGoldAnswers
        + ", outlierThreshold="
        + outlierThreshold
        + ", weakConfidence="
        + weakConfidence
        + ", limit="
        + limit
        + "]";
  }
}
