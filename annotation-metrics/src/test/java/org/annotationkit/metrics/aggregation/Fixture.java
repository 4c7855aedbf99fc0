package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.metrics.data.Answers;

/**
 * The reference fixtures written by {@code make_fixture.py} (an independent NumPy implementation)
 * next to this package's test resources.
 */
final class Fixture {
  private Fixture() {}

  static List<String[]> rows(String name) {
    try (InputStream in = Objects.requireNonNull(Fixture.class.getResourceAsStream(name), name);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.split(",", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answers answers(String name) {
    Answers.Builder builder = Answers.builder();
    for (String[] row : rows(name)) {
      builder.add(row[0], row[1], row[2]);
    }
    return builder.build();
  }

  static Map<String, String> gold(String name) {
    Map<String, String> gold = new LinkedHashMap<>();
    for (String[] row : rows(name)) {
      gold.put(row[0], row[1]);
    }
    return gold;
  }

  /** Checks every quantity of an expected file against a result, within a tolerance. */
  static void check(String name, Aggregation result, double tolerance) {
    var items = result.items();
    var annotators = result.annotators();
    var categories = result.categories();
    for (String[] row : rows(name)) {
      String what = name + " " + String.join(",", row);
      switch (row[0]) {
        case "iterations" ->
            assertThat(result.iterations()).as(what).isEqualTo(Integer.parseInt(row[4]));
        case "prior" ->
            assertThat(result.priors().orElseThrow()[categories.code(row[1])])
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        case "label" ->
            assertThat(categories.label(result.label(items.code(row[1]))))
                .as(what)
                .isEqualTo(row[2]);
        case "confidence" ->
            assertThat(result.confidence(items.code(row[1])))
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        case "posterior" ->
            assertThat(result.posterior(items.code(row[1])).orElseThrow()[categories.code(row[2])])
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        case "skill" ->
            assertThat(result.skill(annotators.code(row[1])).orElseThrow())
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        case "confusion" ->
            assertThat(
                    result.confusion(annotators.code(row[1]))
                        .orElseThrow()[categories.code(row[2])][categories.code(row[3])])
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        case "spamming" ->
            assertThat(
                    result.spamming(annotators.code(row[1]))
                        .orElseThrow()[Integer.parseInt(row[2])])
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        case "strategy" ->
            assertThat(
                    result.strategy(annotators.code(row[1])).orElseThrow()[categories.code(row[2])])
                .as(what)
                .isCloseTo(Double.parseDouble(row[4]), within(tolerance));
        default -> throw new AssertionError("unknown quantity in " + what);
      }
    }
  }
}
