package org.annotationkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.core.testing.TableGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers parsed from the bytes of a cell equal what {@link Double#parseDouble(String)}, {@link
 * Integer#parseInt(String)} and {@link Long#parseLong(String)} give for its text, bit for bit.
 */
class CsvNumbersTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** A one-column table of the given cells, read row by row. */
  private static CsvReader column(List<String> cells) {
    StringBuilder text = new StringBuilder("value\n");
    for (String cell : cells) {
      text.append(cell).append('\n');
    }
    return CsvReader.open(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
        "n.csv",
        CsvFormat.DEFAULT);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void doublesAreWhatParseDoubleGives(long seed) {
    RandomGenerator random = Seeds.random(seed);
    TableGenerator generator = new TableGenerator(random);
    List<String> texts = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String text = generator.numberText();
      texts.add(text);
      String padded = " ".repeat(random.nextInt(2)) + text + "\t".repeat(random.nextInt(2));
      cells.add(random.nextBoolean() ? "\"" + padded + "\"" : padded);
    }
    try (CsvReader in = column(cells)) {
      for (String text : texts) {
        assertThat(in.next()).isTrue();
        double expected = Double.parseDouble(text);
        assertThat(Double.doubleToRawLongBits(in.getDouble(0)))
            .as("%s", text)
            .isEqualTo(Double.doubleToRawLongBits(expected));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void integersAreWhatParseLongGives(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long value =
          switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextInt();
            case 2 -> random.nextInt(-1000, 1000);
            default -> random.nextBoolean() ? Long.MAX_VALUE - i : Long.MIN_VALUE + i;
          };
      String text = Long.toString(value);
      texts.add(random.nextInt(5) == 0 && value >= 0 ? "+" + text : text);
    }
    try (CsvReader in = column(texts)) {
      for (String text : texts) {
        assertThat(in.next()).isTrue();
        long expected = Long.parseLong(text);
        assertThat(in.getLong(0)).as("%s", text).isEqualTo(expected);
        if (expected == (int) expected) {
          assertThat(in.getInt(0)).isEqualTo((int) expected);
        } else {
          assertThat(catchThrowableOfType(FormatException.class, () -> in.getInt(0)).problem())
              .endsWith("is out of range for an int");
        }
      }
    }
  }

  @Test
  void theEdgesOfTheIntegerRanges() {
    List<String> texts =
        List.of(
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483647",
            "-2147483648",
            "2147483648",
            "-2147483649",
            "007",
            "-0",
            "99999999999999999999999x");
    try (CsvReader in = column(texts)) {
      assertThat(in.next()).isTrue();
      assertThat(in.getLong(0)).isEqualTo(Long.MAX_VALUE);
      assertThat(in.next()).isTrue();
      assertThat(in.getLong(0)).isEqualTo(Long.MIN_VALUE);
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getLong(0)).problem())
          .isEqualTo(
              "column 1 (value): the integer '9223372036854775808' is out of range for a long");
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getLong(0)).problem())
          .endsWith("is out of range for a long");
      assertThat(in.next()).isTrue();
      assertThat(in.getInt(0)).isEqualTo(Integer.MAX_VALUE);
      assertThat(in.next()).isTrue();
      assertThat(in.getInt(0)).isEqualTo(Integer.MIN_VALUE);
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getInt(0)).problem())
          .endsWith("is out of range for an int");
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getInt(0)).problem())
          .endsWith("is out of range for an int");
      assertThat(in.next()).isTrue();
      assertThat(in.getInt(0)).isEqualTo(7);
      assertThat(in.next()).isTrue();
      assertThat(in.getLong(0)).isZero();
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getLong(0)).problem())
          .isEqualTo("column 1 (value): expected an integer, found '99999999999999999999999x'");
    }
  }

  @Test
  void wordsForInfinitiesAndNaN() {
    List<String> texts = List.of("NaN", "nan", "-NaN", "inf", "-Inf", "+infinity", "Infinity");
    double[] expected = {
      Double.NaN,
      Double.NaN,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY
    };
    try (CsvReader in = column(texts)) {
      for (double value : expected) {
        assertThat(in.next()).isTrue();
        assertThat(Double.valueOf(in.getDouble(0))).isEqualTo(Double.valueOf(value));
      }
    }
  }

  @Test
  void negativeZeroKeepsItsSign() {
    try (CsvReader in = column(List.of("-0", "-0.0e5", "0"))) {
      assertThat(in.next()).isTrue();
      assertThat(Double.doubleToRawLongBits(in.getDouble(0)))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
      assertThat(in.next()).isTrue();
      assertThat(Double.doubleToRawLongBits(in.getDouble(0)))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
      assertThat(in.next()).isTrue();
      assertThat(Double.doubleToRawLongBits(in.getDouble(0))).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc", ".", "+", "-", "e5", "1e", "1e+", "1.2.3", "0x10", "1d", "1f", "1 2", "--1", "NA",
        "nan1", "infinit", "1_000", "١٢", "1,5"
      })
  void textsThatAreNotNumbers(String text) {
    try (CsvReader in = column(List.of("\"" + text + "\""))) {
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getDouble(0)).problem())
          .isEqualTo("column 1 (value): expected a number, found '" + text + "'");
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getLong(0)).problem())
          .isEqualTo("column 1 (value): expected an integer, found '" + text + "'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1e3", "+", "-", " "})
  void textsThatAreNotIntegers(String text) {
    try (CsvReader in = column(List.of("\"" + text + "\""))) {
      assertThat(in.next()).isTrue();
      assertThat(catchThrowableOfType(FormatException.class, () -> in.getInt(0)).problem())
          .startsWith("column 1 (value): expected an integer, found ");
    }
  }
}
