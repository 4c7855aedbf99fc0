package org.annotationkit.core.validation;

import static org.annotationkit.core.validation.Fixtures.annotation;
import static org.annotationkit.core.validation.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sort-and-sweep overlap check agrees with the obvious quadratic definition. */
class OverlapPropertyTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sweepReportsExactlyTheSpansThatOverlapAnEarlierOne(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int length = 1 + random.nextInt(60);
    TextItem text = new TextItem("doc", "x".repeat(length));
    int n = random.nextInt(25);
    int[] starts = new int[n];
    int[] ends = new int[n];
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      starts[i] = random.nextInt(length + 1);
      ends[i] = starts[i] + random.nextInt(Math.min(8, length - starts[i]) + 1);
      results.add(result("s" + i, "entities", new SpanValue("PER", starts[i], ends[i])));
    }

    // An interval is reported when some interval before it in (start, result index) order shares
    // a stretch of positive length with it.
    Set<String> expected = new TreeSet<>();
    for (int b = 0; b < n; b++) {
      for (int a = 0; a < n; a++) {
        boolean before = starts[a] < starts[b] || (starts[a] == starts[b] && a < b);
        if (before && Math.max(starts[a], starts[b]) < Math.min(ends[a], ends[b])) {
          expected.add("/results/" + b + "/value");
        }
      }
    }

    List<Violation> violations =
        Fixtures.VALIDATOR.validate(annotation(text, results.toArray(Result[]::new)), text);
    assertThat(violations).extracting(Violation::path).doesNotHaveDuplicates();
    assertThat(violations).allSatisfy(v -> assertThat(v.code()).isEqualTo(Violation.Code.OVERLAP));
    assertThat(new TreeSet<>(violations.stream().map(Violation::path).toList()))
        .isEqualTo(expected);
    // Reported in result order, each naming an earlier result that it really overlaps.
    List<Integer> order = new ArrayList<>();
    for (Violation v : violations) {
      String path = v.path(); // "/results/<b>/value"
      int b = Integer.parseInt(path.substring("/results/".length(), path.lastIndexOf('/')));
      order.add(b);
      String named = v.message().replaceAll(".* of result 's(\\d+)'.*", "$1");
      int a = Integer.parseInt(named);
      assertThat(Math.max(starts[a], starts[b])).isLessThan(Math.min(ends[a], ends[b]));
    }
    assertThat(order).isSorted();
  }
}
