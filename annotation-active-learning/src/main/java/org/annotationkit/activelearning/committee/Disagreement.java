package org.annotationkit.activelearning.committee;

/**
 * How a committee's (or a Monte Carlo ensemble's) class probabilities for one item are turned into
 * a utility; higher means more disagreement, so picked first. With {@code M} members, {@code P_m}
 * member {@code m}'s probabilities and {@code P} their mean (the consensus):
 *
 * <ul>
 *   <li>{@link #VOTE_ENTROPY}: the entropy of the members' hard votes (each member votes for its
 *       most probable class, the first of equal ones), {@code -sum_c V(c)/M ln(V(c)/M)};
 *   <li>{@link #CONSENSUS_ENTROPY}: the entropy of the consensus {@code P};
 *   <li>{@link #KL_TO_CONSENSUS}: the mean Kullback-Leibler divergence {@code 1/M sum_m KL(P_m ||
 *       P)};
 *   <li>{@link #BALD}: the mutual information between the prediction and the model's parameters
 *       estimated from Monte Carlo samples (dropout, an ensemble), {@code H(P) - 1/M sum_m H(P_m)}
 *       (Houlsby et al. 2011; Gal, Islam and Ghahramani 2017).
 * </ul>
 *
 * <p>All in nats (Settles 2009, section 3.2; McCallum and Nigam 1998 for the KL form). BALD and the
 * mean KL to the consensus are the same number (the Jensen-Shannon divergence of the members); they
 * differ in what the members are: a committee of models, or samples of one model.
 *
 * @since 0.1.0
 */
public enum Disagreement {
  /** The entropy of the hard votes. */
  VOTE_ENTROPY("vote-entropy"),
  /** The entropy of the mean probabilities. */
  CONSENSUS_ENTROPY("consensus-entropy"),
  /** The mean KL divergence of each member from the mean. */
  KL_TO_CONSENSUS("kl"),
  /** Mutual information from Monte Carlo samples. */
  BALD("bald");

  private final String cliName;

  Disagreement(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The strategy's name on the command line.
   *
   * @return such as {@code vote-entropy}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The utility of one item from its members' rows.
   *
   * @param members {@code members[m][c]}: member {@code m}'s probability of class {@code c}
   * @return the utility
   */
  public double score(double[][] members) {
    int m = members.length;
    if (m == 0) {
      throw new IllegalArgumentException("a committee needs at least one member");
    }
    int c = members[0].length;
    double[] mean = new double[c];
    for (double[] row : members) {
      if (row.length != c) {
        throw new IllegalArgumentException("members give " + c + " and " + row.length + " classes");
      }
      for (int j = 0; j < c; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < c; j++) {
      mean[j] /= m;
    }
    return switch (this) {
      case VOTE_ENTROPY -> {
        double[] votes = new double[c];
        for (double[] row : members) {
          int best = 0;
          for (int j = 1; j < c; j++) {
            if (row[j] > row[best]) {
              best = j;
            }
          }
          votes[best] += 1.0 / m;
        }
        yield entropy(votes);
      }
      case CONSENSUS_ENTROPY -> entropy(mean);
      case KL_TO_CONSENSUS -> {
        double kl = 0;
        for (double[] row : members) {
          for (int j = 0; j < c; j++) {
            if (row[j] > 0) {
              kl += row[j] * Math.log(row[j] / mean[j]);
            }
          }
        }
        yield kl / m;
      }
      case BALD -> {
        double each = 0;
        for (double[] row : members) {
          each += entropy(row);
        }
        yield entropy(mean) - each / m;
      }
    };
  }

  /**
   * Shannon entropy in nats, with {@code 0 ln 0 = 0}.
   *
   * @param p probabilities
   * @return the entropy
   */
  public static double entropy(double[] p) {
    double h = 0;
    for (double x : p) {
      if (x > 0) {
        h -= x * Math.log(x);
      }
    }
    return h;
  }

  /**
   * The strategy of a command-line name.
   *
   * @param name such as {@code kl}
   * @return the strategy
   * @throws IllegalArgumentException for an unknown name
   */
  public static Disagreement ofCliName(String name) {
    for (Disagreement d : values()) {
      if (d.cliName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown disagreement '"
            + name
            + "', expected vote-entropy, consensus-entropy, kl or bald");
  }
}
