package org.annotationkit.metrics.agreement;

/**
 * The agreement coefficients over a units-by-raters table, by their command-line names.
 *
 * @since 0.1.0
 */
public enum Metric {
  /** The share of agreeing pairs of ratings (Gwet's generalisation; weighted with weights). */
  PERCENT_AGREEMENT("percent-agreement"),
  /** Cohen's kappa, two raters. */
  COHEN_KAPPA("cohen-kappa"),
  /** Weighted kappa, two raters (linear weights unless told otherwise). */
  WEIGHTED_KAPPA("weighted-kappa"),
  /** Scott's pi, two raters. */
  SCOTT_PI("scott-pi"),
  /** Fleiss' kappa (multi-rater pi), any number of ratings per unit. */
  FLEISS_KAPPA("fleiss-kappa"),
  /** Hubert's / Conger's multi-rater kappa. */
  CONGER_KAPPA("conger-kappa"),
  /** Light's kappa: the mean of pairwise Cohen's kappas. */
  LIGHT_KAPPA("light-kappa"),
  /** Brennan-Prediger / Bennett's S / Randolph's free-marginal kappa. */
  BRENNAN_PREDIGER("brennan-prediger"),
  /** Gwet's AC1. */
  GWET_AC1("gwet-ac1"),
  /** Gwet's AC2 (AC1 with weights; linear unless told otherwise). */
  GWET_AC2("gwet-ac2"),
  /** Krippendorff's alpha at a level of measurement. */
  KRIPPENDORFF_ALPHA("krippendorff-alpha"),
  /** Intraclass correlation, one of the six Shrout-Fleiss forms. */
  ICC("icc");

  private final String cliName;

  Metric(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The name on the command line and in results.
   *
   * @return the name, such as {@code fleiss-kappa}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The metric of a name.
   *
   * @param name a {@link #cliName()}
   * @return the metric
   * @throws IllegalArgumentException listing the names for another one
   */
  public static Metric of(String name) {
    StringBuilder names = new StringBuilder();
    for (Metric metric : values()) {
      if (metric.cliName.equals(name)) {
        return metric;
      }
      names.append(names.isEmpty() ? "" : ", ").append(metric.cliName);
    }
    throw new IllegalArgumentException("unknown metric '" + name + "', expected one of " + names);
  }

  /** Whether the metric compares exactly two raters. */
  boolean twoRaters() {
    return this == COHEN_KAPPA || this == WEIGHTED_KAPPA || this == SCOTT_PI;
  }

  /** Whether the metric uses weights by default. */
  boolean weighted() {
    return this == WEIGHTED_KAPPA || this == GWET_AC2;
  }
}
