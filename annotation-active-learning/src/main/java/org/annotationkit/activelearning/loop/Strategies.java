package org.annotationkit.activelearning.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.batch.RankedBatch;
import org.annotationkit.activelearning.coldstart.ColdStart;
import org.annotationkit.activelearning.diversity.KCenterGreedy;
import org.annotationkit.activelearning.uncertainty.Uncertainty;
import org.annotationkit.activelearning.uncertainty.UncertaintySampler;

/**
 * The built-in strategies of a simulation, by their command-line names: {@code random}, {@code
 * least-confidence}, {@code margin}, {@code ratio}, {@code entropy} (over the model's
 * probabilities), {@code k-center} and {@code ranked-batch} (over the features as embeddings).
 *
 * @since 0.1.0
 */
public final class Strategies {
  /** The names {@link #named(String)} knows. */
  public static final List<String> NAMES =
      List.of(
          "random", "least-confidence", "margin", "ratio", "entropy", "k-center", "ranked-batch");

  private Strategies() {}

  /**
   * The built-in strategy of a name.
   *
   * @param name one of {@link #NAMES}
   * @return the strategy
   * @throws IllegalArgumentException for another name, listing the known ones
   */
  public static Strategy named(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name) {
      case "random" -> of(name, Strategies::random);
      case "k-center" -> of(name, Strategies::kCenter);
      case "ranked-batch" -> of(name, Strategies::rankedBatch);
      case "least-confidence", "margin", "ratio", "entropy" -> {
        Uncertainty u = Uncertainty.ofCliName(name);
        yield of(name, (round, batch) -> uncertainty(u, round, batch));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown strategy '"
                  + name
                  + "' for a simulation, expected one of "
                  + String.join(", ", NAMES));
    };
  }

  private interface Picker {
    int[] pick(Round round, int batch);
  }

  private static Strategy of(String name, Picker picker) {
    return new Strategy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int[] pick(Round round, int batch) {
        return picker.pick(round, batch);
      }

      @Override
      public String toString() {
        return "Strategy[" + name + "]";
      }
    };
  }

  private static int[] random(Round round, int batch) {
    int[] unlabeled = round.unlabeled();
    List<Pick> picks = ColdStart.random(ItemIds.positions(unlabeled.length), batch, round.seed());
    return positions(picks, unlabeled);
  }

  private static int[] uncertainty(Uncertainty u, Round round, int batch) {
    int[] unlabeled = round.unlabeled();
    double[][] x = round.features();
    double[][] rows = new double[unlabeled.length][];
    for (int i = 0; i < unlabeled.length; i++) {
      rows[i] = x[unlabeled[i]];
    }
    Probabilities p = round.model().predictAll(rows, ItemIds.positions(unlabeled.length));
    return positions(UncertaintySampler.of(u).select(p, batch), unlabeled);
  }

  private static int[] kCenter(Round round, int batch) {
    Embeddings pool =
        Embeddings.ofRows(round.features(), ItemIds.positions(round.features().length));
    List<Integer> labeled = labeledPositions(round);
    return positions(KCenterGreedy.onThreads(1).select(pool, labeled, batch), null);
  }

  private static int[] rankedBatch(Round round, int batch) {
    double[][] x = round.features();
    Embeddings pool = Embeddings.ofRows(x, ItemIds.positions(x.length));
    Probabilities p = round.model().predictAll(x, ItemIds.positions(x.length));
    double[] u = new double[x.length];
    double[] row = new double[p.classes()];
    for (int i = 0; i < x.length; i++) {
      p.row(i, row);
      u[i] = Uncertainty.LEAST_CONFIDENCE.score(row);
    }
    return positions(
        RankedBatch.onThreads(1).select(pool, u, labeledPositions(round), batch), null);
  }

  private static List<Integer> labeledPositions(Round round) {
    boolean[] labeled = round.labeled();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        out.add(i);
      }
    }
    return out;
  }

  private static int[] positions(List<Pick> picks, int @org.jspecify.annotations.Nullable [] map) {
    int[] out = new int[picks.size()];
    for (int i = 0; i < out.length; i++) {
      int at = (int) picks.get(i).position();
      out[i] = map == null ? at : map[at];
    }
    return out;
  }
}
