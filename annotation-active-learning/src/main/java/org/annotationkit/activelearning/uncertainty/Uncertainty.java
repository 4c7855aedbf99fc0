package org.annotationkit.activelearning.uncertainty;

import java.util.Objects;

/**
 * The classic uncertainty scores of one item's class probabilities, each a utility: higher means
 * more uncertain, so picked first. With {@code p1 >= p2} the two largest probabilities:
 *
 * <ul>
 *   <li>{@link #LEAST_CONFIDENCE}: {@code 1 - p1};
 *   <li>{@link #MARGIN}: {@code 1 - (p1 - p2)};
 *   <li>{@link #RATIO}: {@code p2 / p1} (1 when every probability is 0);
 *   <li>{@link #ENTROPY}: {@code -sum p ln p} in nats, with {@code 0 ln 0 = 0}.
 * </ul>
 *
 * <p>(Settles, <i>Active Learning Literature Survey</i>, 2009, section 3.1; Munro,
 * <i>Human-in-the-Loop Machine Learning</i>, 2021, chapter 3 for the ratio.) With one class the
 * second probability is 0. Each is computed in one pass over the row; all four are invariant under
 * a permutation of the classes, and on two classes they rank items identically.
 *
 * @since 0.1.0
 */
public enum Uncertainty {
  /** One minus the largest probability. */
  LEAST_CONFIDENCE("least-confidence"),
  /** One minus the difference between the two largest probabilities. */
  MARGIN("margin"),
  /** The second largest probability over the largest. */
  RATIO("ratio"),
  /** Shannon entropy in nats. */
  ENTROPY("entropy");

  private final String cliName;

  Uncertainty(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The name of the strategy on the command line, such as {@code least-confidence}.
   *
   * @return the name
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The score of one row of probabilities.
   *
   * @param row the class probabilities of one item
   * @return the utility
   */
  public double score(double[] row) {
    return score(row, 0, row.length);
  }

  /**
   * The score of the row {@code values[from .. from + classes)}.
   *
   * @param values probabilities
   * @param from where the row starts
   * @param classes the number of classes
   * @return the utility
   */
  public double score(double[] values, int from, int classes) {
    Objects.checkFromIndexSize(from, classes, values.length);
    return switch (this) {
      case ENTROPY -> {
        double h = 0;
        for (int c = from; c < from + classes; c++) {
          double p = values[c];
          if (p > 0) {
            h -= p * Math.log(p);
          }
        }
        yield h;
      }
      default -> {
        double m1 = Double.NEGATIVE_INFINITY;
        double m2 = Double.NEGATIVE_INFINITY;
        for (int c = from; c < from + classes; c++) {
          double p = values[c];
          if (p > m1) {
            m2 = m1;
            m1 = p;
          } else if (p > m2) {
            m2 = p;
          }
        }
        if (classes == 1) {
          m2 = 0;
        }
        yield fromTopTwo(m1, m2);
      }
    };
  }

  /**
   * The score from the two largest probabilities (not for {@link #ENTROPY}).
   *
   * @param m1 the largest
   * @param m2 the second largest
   * @return the utility
   */
  double fromTopTwo(double m1, double m2) {
    return switch (this) {
      case LEAST_CONFIDENCE -> 1.0 - m1;
      case MARGIN -> 1.0 - (m1 - m2);
      case RATIO -> m1 > 0 ? m2 / m1 : 1.0;
      case ENTROPY -> throw new IllegalStateException("entropy needs the whole row");
    };
  }

  /**
   * The strategy of a command-line name.
   *
   * @param name such as {@code margin}
   * @return the strategy
   * @throws IllegalArgumentException if no strategy has that name
   */
  public static Uncertainty ofCliName(String name) {
    for (Uncertainty u : values()) {
      if (u.cliName.equals(name)) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "unknown uncertainty '" + name + "', expected least-confidence, margin, ratio or entropy");
  }
}
