package org.annotationkit.activelearning.loop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of comparing strategies over seeds: each strategy's curve per seed, its mean area
 * under the curve, and its gain over random (mean area minus random's, on the same seeds).
 *
 * @param curves strategy name to seed to curve, in the order given
 * @param meanAuc strategy name to mean area
 * @param gainOverRandom strategy name to gain over random
 * @since 0.1.0
 */
public record Comparison(
    Map<String, Map<Long, Curve>> curves,
    Map<String, Double> meanAuc,
    Map<String, Double> gainOverRandom) {
  /** Copies the maps, keeping their order. */
  public Comparison {
    Map<String, Map<Long, Curve>> copy = new LinkedHashMap<>();
    curves.forEach(
        (k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    curves = java.util.Collections.unmodifiableMap(copy);
    meanAuc = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meanAuc));
    gainOverRandom = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gainOverRandom));
  }
}
