package org.annotationkit.metrics.agreement;

import java.util.Objects;
import java.util.Optional;

/**
 * How a coefficient is computed: weights, level, interval. Immutable; the {@code with} methods
 * return new options.
 *
 * @param weights {@code identity}, {@code linear} or {@code quadratic}; empty for the metric's
 *     default (identity, or linear for weighted kappa and AC2)
 * @param customWeights a caller's weights, which win over {@code weights}
 * @param scale whether distances are by category position or value; empty for the default (position
 *     for the kappas, value for alpha when the categories are numbers)
 * @param level the level of measurement of alpha
 * @param customDistance a caller's distance matrix for alpha, which wins over {@code level}
 * @param iccForm the form of the ICC
 * @param ci which interval: none, analytic (bootstrap where no analytic one exists) or bootstrap
 * @param ciLevel the confidence level
 * @param bootstrapSamples the number of bootstrap resamples
 * @param seed the seed of the bootstrap
 * @param perCategory whether to compute per-category coefficients (Fleiss' kappa, alpha)
 * @since 0.1.0
 */
public record AgreementOptions(
    Optional<String> weights,
    Optional<Weights> customWeights,
    Optional<Weights.Scale> scale,
    Level level,
    Optional<Distances> customDistance,
    IccForm iccForm,
    CiMethod ci,
    double ciLevel,
    int bootstrapSamples,
    long seed,
    boolean perCategory) {

  /** Which confidence interval. */
  public enum CiMethod {
    /** No interval. */
    NONE,
    /** The analytic interval where one exists, else the bootstrap's. */
    ANALYTIC,
    /** A percentile bootstrap over units. */
    BOOTSTRAP
  }

  /** Default weights, nominal alpha, ICC(2,1), analytic 95% intervals, 1000 resamples, seed 1. */
  public static final AgreementOptions DEFAULT =
      new AgreementOptions(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Level.NOMINAL,
          Optional.empty(),
          IccForm.ICC_2_1,
          CiMethod.ANALYTIC,
          0.95,
          1000,
          1,
          false);

  /** Checks the parts. */
  public AgreementOptions {
    Objects.requireNonNull(weights, "weights");
    weights.ifPresent(name -> {
      if (!name.equals("identity") && !name.equals("linear") && !name.equals("quadratic")) {
        throw new IllegalArgumentException(
            "unknown weights '" + name + "', expected identity, linear or quadratic");
      }
    });
    Objects.requireNonNull(customWeights, "customWeights");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(customDistance, "customDistance");
    Objects.requireNonNull(iccForm, "iccForm");
    Objects.requireNonNull(ci, "ci");
    Interval.checkLevel(ciLevel);
    if (bootstrapSamples < 10) {
      throw new IllegalArgumentException(
          "the bootstrap needs at least 10 samples, got " + bootstrapSamples);
    }
  }

  /**
   * With named weights.
   *
   * @param name {@code identity}, {@code linear} or {@code quadratic}
   * @return new options
   */
  public AgreementOptions withWeights(String name) {
    return new AgreementOptions(
        Optional.of(name),
        customWeights,
        scale,
        level,
        customDistance,
        iccForm,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With a caller's weights.
   *
   * @param custom the weights
   * @return new options
   */
  public AgreementOptions withWeights(Weights custom) {
    return new AgreementOptions(
        weights,
        Optional.of(custom),
        scale,
        level,
        customDistance,
        iccForm,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With distances by position or value.
   *
   * @param by the scale
   * @return new options
   */
  public AgreementOptions withScale(Weights.Scale by) {
    return new AgreementOptions(
        weights,
        customWeights,
        Optional.of(by),
        level,
        customDistance,
        iccForm,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With a level of measurement for alpha.
   *
   * @param of the level
   * @return new options
   */
  public AgreementOptions withLevel(Level of) {
    return new AgreementOptions(
        weights,
        customWeights,
        scale,
        of,
        customDistance,
        iccForm,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With a caller's distance for alpha.
   *
   * @param distance the distances
   * @return new options
   */
  public AgreementOptions withDistance(Distances distance) {
    return new AgreementOptions(
        weights,
        customWeights,
        scale,
        level,
        Optional.of(distance),
        iccForm,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With an ICC form.
   *
   * @param form the form
   * @return new options
   */
  public AgreementOptions withIccForm(IccForm form) {
    return new AgreementOptions(
        weights,
        customWeights,
        scale,
        level,
        customDistance,
        form,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With an interval.
   *
   * @param method the method
   * @param confidence the level
   * @return new options
   */
  public AgreementOptions withInterval(CiMethod method, double confidence) {
    return new AgreementOptions(
        weights,
        customWeights,
        scale,
        level,
        customDistance,
        iccForm,
        method,
        confidence,
        bootstrapSamples,
        seed,
        perCategory);
  }

  /**
   * With bootstrap settings.
   *
   * @param samples the number of resamples, {@code >= 10}
   * @param bootstrapSeed the seed
   * @return new options
   */
  public AgreementOptions withBootstrap(int samples, long bootstrapSeed) {
    return new AgreementOptions(
        weights,
        customWeights,
        scale,
        level,
        customDistance,
        iccForm,
        ci,
        ciLevel,
        samples,
        bootstrapSeed,
        perCategory);
  }

  /**
   * With or without per-category coefficients.
   *
   * @param on whether to compute them
   * @return new options
   */
  public AgreementOptions withPerCategory(boolean on) {
    return new AgreementOptions(
        weights,
        customWeights,
        scale,
        level,
        customDistance,
        iccForm,
        ci,
        ciLevel,
        bootstrapSamples,
        seed,
        on);
  }
}
