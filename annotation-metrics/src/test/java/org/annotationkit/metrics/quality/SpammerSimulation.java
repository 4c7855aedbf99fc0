package org.annotationkit.metrics.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.annotationkit.metrics.data.Answers;

/**
 * A seeded crowd with planted bad annotators: {@code good0..} answer right with a probability in
 * [0.85, 0.95] and otherwise pick a wrong label uniformly; {@code random} answers uniformly
 * whatever the item; {@code constant} always answers the first label; {@code weak} is right 55% of
 * the time (better than chance, far below the rest). Each item gets {@code perItem} distinct
 * annotators.
 */
final class SpammerSimulation {
  record Row(String item, String annotator, String label) {}

  static final String RANDOM = "random";
  static final String CONSTANT = "constant";
  static final String WEAK = "weak";

  final int classes;
  final List<String> annotators = new ArrayList<>();
  final Map<String, Double> accuracy = new HashMap<>();
  final int[] truth;
  final List<Row> rows = new ArrayList<>();

  SpammerSimulation(RandomGenerator random, int items, int good, int classes, int perItem) {
    this.classes = classes;
    for (int g = 0; g < good; g++) {
      String id = "good" + g;
      annotators.add(id);
      accuracy.put(id, 0.85 + 0.1 * random.nextDouble());
    }
    annotators.add(RANDOM);
    annotators.add(CONSTANT);
    annotators.add(WEAK);
    accuracy.put(WEAK, 0.55);
    truth = new int[items];
    int m = annotators.size();
    int[] order = new int[m];
    for (int u = 0; u < items; u++) {
      truth[u] = random.nextInt(classes);
      for (int a = 0; a < m; a++) {
        order[a] = a;
      }
      for (int j = 0; j < perItem; j++) {
        int pick = j + random.nextInt(m - j);
        int a = order[pick];
        order[pick] = order[j];
        order[j] = a;
        String who = annotators.get(a);
        int answer =
            switch (who) {
              case RANDOM -> random.nextInt(classes);
              case CONSTANT -> 0;
              default -> {
                if (random.nextDouble() < accuracy.getOrDefault(who, 0.0)) {
                  yield truth[u];
                }
                int wrong = random.nextInt(classes - 1);
                yield wrong >= truth[u] ? wrong + 1 : wrong;
              }
            };
        rows.add(new Row(item(u), who, label(answer)));
      }
    }
  }

  static String item(int u) {
    return String.format(java.util.Locale.ROOT, "item%04d", u);
  }

  static String label(int c) {
    return "L" + c;
  }

  Answers answers() {
    return answers(rows);
  }

  static Answers answers(List<Row> rows) {
    Answers.Builder builder = Answers.builder();
    rows.forEach(r -> builder.add(r.item(), r.annotator(), r.label()));
    return builder.build();
  }

  /** The truth of the first {@code count} items, as gold. */
  Map<String, String> gold(int count) {
    Map<String, String> gold = new HashMap<>();
    for (int u = 0; u < count; u++) {
      gold.put(item(u), label(truth[u]));
    }
    return gold;
  }
}
