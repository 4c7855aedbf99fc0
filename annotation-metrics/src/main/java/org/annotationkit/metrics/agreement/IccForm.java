package org.annotationkit.metrics.agreement;

/**
 * The six intraclass correlations of Shrout and Fleiss (1979), "Intraclass correlations: uses in
 * assessing rater reliability".
 *
 * @since 0.1.0
 */
public enum IccForm {
  /** One-way random effects, a single rater. */
  ICC_1_1("1,1"),
  /** Two-way random effects, absolute agreement, a single rater. */
  ICC_2_1("2,1"),
  /** Two-way mixed effects, consistency, a single rater. */
  ICC_3_1("3,1"),
  /** One-way random effects, the mean of k raters. */
  ICC_1_K("1,k"),
  /** Two-way random effects, absolute agreement, the mean of k raters. */
  ICC_2_K("2,k"),
  /** Two-way mixed effects, consistency, the mean of k raters. */
  ICC_3_K("3,k");

  private final String cliName;

  IccForm(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The form as the command line writes it.
   *
   * @return {@code 1,1}, {@code 2,1}, {@code 3,1}, {@code 1,k}, {@code 2,k} or {@code 3,k}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The form of a name.
   *
   * @param name a {@link #cliName()}
   * @return the form
   * @throws IllegalArgumentException naming the forms for another name
   */
  public static IccForm of(String name) {
    for (IccForm form : values()) {
      if (form.cliName.equalsIgnoreCase(name)) {
        return form;
      }
    }
    throw new IllegalArgumentException(
        "unknown ICC form '" + name + "', expected 1,1, 2,1, 3,1, 1,k, 2,k or 3,k");
  }
}
