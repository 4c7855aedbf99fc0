package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * Zero-based skill (ZBS): skills start at {@code 1/K + 1e-5} (with {@code K} the categories
 * answered) and move towards each annotator's accuracy against the current weighted majority vote,
 * {@code skill += rate * (accuracy - skill)}; the rate starts at 1 and halves every 20 iterations.
 * The labels are the majority vote weighted by the final skills.
 *
 * <p>As crowd-kit's {@code ZeroBasedSkill} (100 iterations, the same schedule). crowd-kit always
 * runs every iteration; here the iteration also stops, {@linkplain Aggregation#converged()
 * converged}, as soon as no skill moves by more than the tolerance, {@code 0} by default, which
 * changes nothing: a step that moves no skill reaches a fixed point.
 *
 * @since 0.1.0
 */
public final class ZeroBasedSkill implements Aggregator {
  private static final ZeroBasedSkill DEFAULTS = new ZeroBasedSkill(100, 0.0);

  private final int maxIterations;
  private final double tolerance;

  private ZeroBasedSkill(int maxIterations, double tolerance) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /**
   * ZBS with crowd-kit's defaults: 100 iterations.
   *
   * @return the aggregator, named {@code zbs}
   */
  public static ZeroBasedSkill defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another iteration cap.
   *
   * @param maxIterations {@code >= 1}
   * @return a new aggregator
   */
  public ZeroBasedSkill withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new ZeroBasedSkill(maxIterations, tolerance);
  }

  /**
   * This aggregator with another tolerance on the largest change of a skill.
   *
   * @param tolerance finite
   * @return a new aggregator
   */
  public ZeroBasedSkill withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new ZeroBasedSkill(maxIterations, tolerance);
  }

  @Override
  public Aggregation aggregate(Answers answers) {
    return run(AnswerArrays.of(answers));
  }

  @Override
  public Aggregation aggregate(RatingTable table) {
    return run(AnswerArrays.of(table));
  }

  Aggregation run(AnswerArrays d) {
    Objects.requireNonNull(d, "answers");
    int m = d.annotatorCount;
    double[] skills = new double[m];
    Arrays.fill(skills, 1.0 / Math.max(1, Votes.usedCategories(d)) + 1e-5);
    double rate = 1.0;
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      if (iterations % 20 == 0) {
        rate *= 0.5;
      }
      double[] accuracy = Votes.accuracy(d, Votes.argmax(d, d.voteShares(skills)));
      double change = 0;
      for (int a = 0; a < m; a++) {
        if (!Double.isNaN(accuracy[a])) {
          double step = rate * (accuracy[a] - skills[a]);
          skills[a] += step;
          change = Math.max(change, Math.abs(step));
        }
      }
      if (change <= tolerance) {
        converged = true;
        break;
      }
    }
    Aggregation.Builder b = Aggregation.builder("zbs", d);
    b.skills = skills;
    b.iterations = iterations;
    b.converged = converged;
    return b.scores(d.voteShares(skills), true);
  }

  @Override
  public String toString() {
    return "ZeroBasedSkill[maxIterations=" + maxIterations + ", tolerance=" + tolerance + "]";
  }
}
