package org.annotationkit.metrics.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Answers drawn from a known Dawid-Skene model, seeded. */
final class Simulation {
  /** One answer. */
  record Row(String item, String annotator, String label) {}

  final int items;
  final int annotators;
  final int classes;
  final int[] truth;

  /** {@code confusion[a][t][c]}: the probability that annotator a answers c when the truth is t. */
  final double[][][] confusion;

  final List<Row> rows = new ArrayList<>();

  /**
   * @param accuracy the least probability of a correct answer; the rest of each row is spread at
   *     random, so some annotators confuse some pairs systematically
   * @param perItem how many distinct annotators answer each item
   */
  Simulation(
      RandomGenerator random,
      int items,
      int annotators,
      int classes,
      double accuracy,
      int perItem) {
    this.items = items;
    this.annotators = annotators;
    this.classes = classes;
    this.truth = new int[items];
    this.confusion = new double[annotators][classes][classes];
    for (int a = 0; a < annotators; a++) {
      for (int t = 0; t < classes; t++) {
        double right = accuracy + (1 - accuracy) * random.nextDouble();
        double[] rest = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          // Skewed: one wrong answer tends to take most of the error.
          rest[c] = c == t ? 0 : Math.pow(random.nextDouble(), 3);
          sum += rest[c];
        }
        for (int c = 0; c < classes; c++) {
          confusion[a][t][c] = c == t ? right : sum == 0 ? 0 : (1 - right) * rest[c] / sum;
        }
      }
    }
    int[] order = new int[annotators];
    for (int u = 0; u < items; u++) {
      truth[u] = random.nextInt(classes);
      for (int a = 0; a < annotators; a++) {
        order[a] = a;
      }
      int n = Math.min(perItem, annotators);
      for (int j = 0; j < n; j++) {
        int pick = j + random.nextInt(annotators - j);
        int a = order[pick];
        order[pick] = order[j];
        order[j] = a;
        double x = random.nextDouble();
        int c = 0;
        while (c < classes - 1 && x >= confusion[a][truth[u]][c]) {
          x -= confusion[a][truth[u]][c];
          c++;
        }
        rows.add(new Row(item(u), annotator(a), label(c)));
      }
    }
  }

  static String item(int u) {
    return "item" + u;
  }

  static String annotator(int a) {
    return "ann" + a;
  }

  static String label(int c) {
    return "L" + c;
  }

  org.annotationkit.metrics.data.Answers answers() {
    return answers(rows);
  }

  static org.annotationkit.metrics.data.Answers answers(List<Row> rows) {
    var builder = org.annotationkit.metrics.data.Answers.builder();
    rows.forEach(r -> builder.add(r.item(), r.annotator(), r.label()));
    return builder.build();
  }

  /** The share of items whose aggregated label is the true one. */
  double accuracy(Aggregation result) {
    int right = 0;
    for (int u = 0; u < items; u++) {
      int code = result.items().indexOf(item(u));
      if (code >= 0 && result.categories().label(result.label(code)).equals(label(truth[u]))) {
        right++;
      }
    }
    return (double) right / items;
  }
}
