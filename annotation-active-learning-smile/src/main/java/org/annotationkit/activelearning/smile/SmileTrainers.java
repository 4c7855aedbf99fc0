package org.annotationkit.activelearning.smile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.activelearning.ProbabilityModel;
import org.annotationkit.activelearning.Trainer;
import smile.base.cart.SplitRule;
import smile.classification.Classifier;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Smile classifiers behind our {@link Trainer} and {@link ProbabilityModel}: logistic regression,
 * random forest and gradient boosting, and {@link #wrap(Classifier, int, FeatureView)} for any
 * Smile classifier that gives probabilities. A model trained on a subset of the classes (early in a
 * loop, a seed set may miss some) gives 0 to the classes it has not seen; a model trained on one
 * class gives that class probability 1.
 *
 * <p>Randomness: the random forest takes one seed per tree, derived from the trainer's seed;
 * gradient boosting is run without subsampling, so deterministic; logistic regression has none.
 *
 * @since 0.1.0
 */
public final class SmileTrainers {
  private static final String LABEL = "label";

  private SmileTrainers() {}

  /** How a feature vector becomes what a Smile classifier takes. */
  @FunctionalInterface
  public interface FeatureView {
    /**
     * The classifier's input for one feature vector.
     *
     * @param features the features
     * @return the input
     */
    Object of(double[] features);
  }

  /**
   * Multinomial (or binomial) logistic regression with L2 penalty {@code lambda}.
   *
   * @param lambda the penalty, {@code >= 0} (Smile's default is 0; 1.0 keeps small seed sets
   *     stable)
   * @return the trainer
   */
  public static Trainer logisticRegression(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
    }
    LogisticRegression.Options options = new LogisticRegression.Options(lambda, 1e-5, 500);
    return (x, y, classes, seed) ->
        fitOrConstant(
            x,
            y,
            classes,
            () -> {
              LogisticRegression model = LogisticRegression.fit(x, y, options);
              return wrap(model, classes, f -> f);
            });
  }

  /**
   * A random forest.
   *
   * @param trees the number of trees, {@code >= 1}
   * @return the trainer
   */
  public static Trainer randomForest(int trees) {
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1, got " + trees);
    }
    return (x, y, classes, seed) ->
        fitOrConstant(
            x,
            y,
            classes,
            () -> {
              int d = x[0].length;
              long[] seeds = new long[trees];
              for (int t = 0; t < trees; t++) {
                seeds[t] = seed * 31 + t;
              }
              RandomForest.Options options =
                  new RandomForest.Options(
                      trees,
                      Math.max(1, (int) Math.floor(Math.sqrt(d))),
                      SplitRule.GINI,
                      20,
                      Math.max(2, x.length / 2),
                      1,
                      1.0,
                      null,
                      seeds,
                      null);
              String[] names = names(d);
              RandomForest model = RandomForest.fit(formula(), frame(x, y, names), options);
              return wrap(model, classes, row(names));
            });
  }

  /**
   * Gradient tree boosting, without subsampling.
   *
   * @param trees the number of boosting rounds, {@code >= 1}
   * @return the trainer
   */
  public static Trainer gradientBoosting(int trees) {
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1, got " + trees);
    }
    return (x, y, classes, seed) ->
        fitOrConstant(
            x,
            y,
            classes,
            () -> {
              String[] names = names(x[0].length);
              GradientTreeBoost.Options options =
                  new GradientTreeBoost.Options(trees, 20, 6, 5, 0.05, 1.0, null, null);
              GradientTreeBoost model =
                  GradientTreeBoost.fit(formula(), frame(x, y, names), options);
              return wrap(model, classes, row(names));
            });
  }

  /**
   * A trainer from a command-line description such as {@code logistic-regression:lambda=1.0},
   * {@code random-forest:trees=100} or {@code gradient-boosting:trees=50}.
   *
   * @param spec the model name and optional {@code key=value} options after a colon, separated by
   *     commas
   * @return the trainer
   * @throws IllegalArgumentException for an unknown model or option, naming the known ones
   */
  public static Trainer parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    Map<String, String> options = new java.util.LinkedHashMap<>();
    if (colon >= 0 && colon < spec.length() - 1) {
      for (String part : spec.substring(colon + 1).split(",", -1)) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "model option '" + part + "' of '" + spec + "' is not key=value");
        }
        options.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
      }
    }
    return switch (name) {
      case "logistic-regression" -> {
        only(spec, options, Set.of("lambda"));
        yield logisticRegression(number(spec, options.getOrDefault("lambda", "1.0")));
      }
      case "random-forest" -> {
        only(spec, options, Set.of("trees"));
        yield randomForest((int) number(spec, options.getOrDefault("trees", "100")));
      }
      case "gradient-boosting" -> {
        only(spec, options, Set.of("trees"));
        yield gradientBoosting((int) number(spec, options.getOrDefault("trees", "100")));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown model '"
                  + name
                  + "', expected logistic-regression, random-forest or gradient-boosting");
    };
  }

  private static void only(String spec, Map<String, String> options, Set<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown option '" + key + "' in '" + spec + "', expected " + known);
      }
    }
  }

  private static double number(String spec, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "model option value '" + text + "' of '" + spec + "' is not a number", e);
    }
  }

  /**
   * Wraps a trained Smile classifier that gives probabilities.
   *
   * @param <T> the classifier's input type
   * @param classifier the classifier, soft
   * @param classes the number of classes of the problem; the classifier's own labels ({@link
   *     Classifier#classes()}) are codes among them
   * @param view how a feature vector becomes the classifier's input
   * @return the model
   * @throws IllegalArgumentException if the classifier does not give probabilities
   */
  @SuppressWarnings("unchecked")
  public static <T> ProbabilityModel wrap(Classifier<T> classifier, int classes, FeatureView view) {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(view, "view");
    if (!classifier.soft()) {
      throw new IllegalArgumentException(
          classifier.getClass().getSimpleName() + " does not give class probabilities");
    }
    int[] labels = classifier.classes();
    for (int label : labels) {
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException(
            "the classifier's class " + label + " is outside [0, " + classes + ")");
      }
    }
    return new ProbabilityModel() {
      @Override
      public int classes() {
        return classes;
      }

      @Override
      public void predict(double[] features, double[] out) {
        double[] posteriori = new double[labels.length];
        classifier.predict((T) view.of(features), posteriori);
        Arrays.fill(out, 0, classes, 0.0);
        for (int j = 0; j < labels.length; j++) {
          out[labels[j]] = posteriori[j];
        }
      }

      @Override
      public String toString() {
        return "ProbabilityModel[" + classifier.getClass().getSimpleName() + "]";
      }
    };
  }

  private static ProbabilityModel fitOrConstant(
      double[][] x, int[] y, int classes, java.util.function.Supplier<ProbabilityModel> fit) {
    if (x.length == 0) {
      throw new IllegalArgumentException("no labeled items to train on");
    }
    int first = y[0];
    boolean one = Arrays.stream(y).allMatch(v -> v == first);
    if (!one) {
      return fit.get();
    }
    return new ProbabilityModel() {
      @Override
      public int classes() {
        return classes;
      }

      @Override
      public void predict(double[] features, double[] out) {
        Arrays.fill(out, 0, classes, 0.0);
        out[first] = 1.0;
      }
    };
  }

  private static Formula formula() {
    return Formula.lhs(LABEL);
  }

  private static String[] names(int d) {
    String[] names = new String[d];
    for (int j = 0; j < d; j++) {
      names[j] = String.format(Locale.ROOT, "x%d", j);
    }
    return names;
  }

  private static DataFrame frame(double[][] x, int[] y, String[] names) {
    return DataFrame.of(x, names).add(new IntVector(LABEL, y));
  }

  private static FeatureView row(String[] names) {
    return features -> DataFrame.of(new double[][] {features}, names).get(0);
  }
}
