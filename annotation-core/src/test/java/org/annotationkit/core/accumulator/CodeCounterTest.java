package org.annotationkit.core.accumulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.coding.UnknownLabelException;
import org.annotationkit.core.testing.AccumulatorLaws;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodeCounterTest {

  private static final LabelCoding COLOURS = LabelCoding.of("red", "green", "blue", "cyan");

  static Stream<Long> seeds() {
    return Seeds.seeds(100);
  }

  private static List<Integer> codes(RandomGenerator random) {
    int n = random.nextInt(0, 80);
    List<Integer> codes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      codes.add(random.nextInt(COLOURS.size()));
    }
    return codes;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void obeysTheAccumulatorLawsExactly(long seed) {
    AccumulatorLaws.over(
            codes(Seeds.random(seed)), () -> new CodeCounter(COLOURS), CodeCounter::add)
        .orderIndependent()
        .check(seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsWhatABruteForceScanCounts(long seed) {
    List<Integer> codes = codes(Seeds.random(seed));
    CodeCounter counter = new CodeCounter(COLOURS);
    for (int code : codes) {
      counter.add(COLOURS.label(code));
    }
    CodeCounts counts = counter.finish();
    for (int c = 0; c < COLOURS.size(); c++) {
      int expected = 0;
      for (int code : codes) {
        expected += code == c ? 1 : 0;
      }
      assertThat(counts.count(c)).isEqualTo(expected);
      assertThat(counts.count(COLOURS.label(c))).isEqualTo(expected);
    }
    assertThat(counts.total()).isEqualTo(codes.size());
  }

  @Test
  void addsManyAtOnceAndReportsCounts() {
    CodeCounter counter = new CodeCounter(COLOURS);
    counter.add(2, 5);
    counter.add(0);
    counter.add("blue");
    CodeCounts counts = counter.finish();
    assertThat(counts.toArray()).containsExactly(1, 0, 6, 0);
    assertThat(counts.coding()).isSameAs(COLOURS);
    assertThat(counter.coding()).isSameAs(COLOURS);
    assertThat(counts).hasToString("CodeCounts['red'=1, 'green'=0, 'blue'=6, 'cyan'=0]");
    assertThat(counter).hasToString(counts.toString());
    long[] array = counts.toArray();
    array[0] = 99;
    assertThat(counts.count(0)).isEqualTo(1);
    CodeCounter same = new CodeCounter(LabelCoding.of("red", "green", "blue", "cyan"));
    same.add(2, 6);
    same.add(0);
    assertThat(same.finish()).isEqualTo(counts).hasSameHashCodeAs(counts);
  }

  @Test
  void badCodesCountsAndCodingsAreRefused() {
    CodeCounter counter = new CodeCounter(COLOURS);
    assertThatThrownBy(() -> counter.add(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> counter.add(-1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> counter.add(1, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times must be >= 0, got -2");
    assertThatThrownBy(() -> counter.add("grene"))
        .isInstanceOf(UnknownLabelException.class)
        .hasMessageEndingWith("did you mean 'green'?");
    assertThatThrownBy(() -> counter.merge(new CodeCounter(LabelCoding.of("red", "green"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot merge counts over different codings: LabelCoding[0='red', 1='green', 2='blue',"
                + " 3='cyan'] and LabelCoding[0='red', 1='green']");
  }

  @Test
  void nullArgumentsAreRefused() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(LabelCoding.class, COLOURS)
            .setDefault(CodeCounter.class, new CodeCounter(COLOURS));
    assertThatCode(() -> tester.testAllPublicConstructors(CodeCounter.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(new CodeCounter(COLOURS)))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(new SummaryAccumulator()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicStaticMethods(Accumulator.class))
        .doesNotThrowAnyException();
  }
}
