package org.annotationkit.activelearning.diversity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;

/**
 * BADGE (Ash et al., <i>Deep Batch Active Learning by Diverse, Uncertain Gradient Lower Bounds</i>,
 * ICLR 2020): each item's gradient embedding is the gradient of the cross-entropy loss at the
 * model's own prediction with respect to the last layer, {@code (p - onehot(argmax p)) x h} for
 * penultimate features {@code h}; k-means++ seeding over them picks items that are both uncertain
 * (long gradients) and diverse (different directions). Seeded.
 *
 * @since 0.1.0
 */
public final class Badge {
  private Badge() {}

  /**
   * The gradient embeddings: {@code classes x dimensions} values per item.
   *
   * @param probabilities the model's probabilities of each item
   * @param features the penultimate-layer features of the same items
   * @return the gradient embeddings
   */
  public static Embeddings gradientEmbeddings(Probabilities probabilities, Embeddings features) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(features, "features");
    int n = probabilities.items();
    if (features.items() != n) {
      throw new IllegalArgumentException(features.items() + " feature vectors for " + n + " items");
    }
    int c = probabilities.classes();
    int d = features.dimensions();
    float[] out = new float[Math.multiplyExact(n, c * d)];
    double[] p = new double[c];
    float[] h = features.values();
    for (int i = 0; i < n; i++) {
      probabilities.row(i, p);
      int best = 0;
      for (int j = 1; j < c; j++) {
        if (p[j] > p[best]) {
          best = j;
        }
      }
      for (int j = 0; j < c; j++) {
        double g = p[j] - (j == best ? 1 : 0);
        int base = (i * c + j) * d;
        for (int t = 0; t < d; t++) {
          out[base + t] = (float) (g * h[i * d + t]);
        }
      }
    }
    ItemIds ids = probabilities.ids();
    return Embeddings.of(out, c * d, ids);
  }

  /**
   * Picks {@code k} items by k-means++ seeding over the gradient embeddings.
   *
   * @param probabilities the model's probabilities
   * @param features penultimate features
   * @param labeled positions already labeled
   * @param k how many
   * @param seed the seed
   * @return the picks in order
   */
  public static List<Pick> select(
      Probabilities probabilities,
      Embeddings features,
      Collection<Integer> labeled,
      int k,
      long seed) {
    return KMeansPlusPlus.seeded(seed)
        .select(gradientEmbeddings(probabilities, features), labeled, k);
  }
}
