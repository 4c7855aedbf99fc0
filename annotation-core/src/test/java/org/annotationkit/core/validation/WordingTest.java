package org.annotationkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {

  @Test
  void listsAtMostTenNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      names.add("n" + i);
    }
    assertThat(Wording.listing(names))
        .isEqualTo("n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, … 3 more");
    assertThat(Wording.listing(List.of("car", "person"))).isEqualTo("car, person");
    assertThat(Wording.listing(List.of())).isEqualTo("none");
  }

  @Test
  void numbersReadNaturally() {
    assertThat(Wording.num(640)).isEqualTo("640");
    assertThat(Wording.num(-3)).isEqualTo("-3");
    assertThat(Wording.num(2.5)).isEqualTo("2.5");
    assertThat(Wording.approx(652.3076923)).isEqualTo("652.308");
    assertThat(Wording.approx(650.75000000001)).isEqualTo("650.75");
    assertThat(Wording.approx(-0.0000001)).isEqualTo("0");
  }

  @Test
  void escapesPointerTokens() {
    // RFC 6901 section 3: '~' is written '~0' and '/' is written '~1'.
    assertThat(Wording.token("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(Wording.token("occluded")).isEqualTo("occluded");
  }

  @Test
  void suggestsTheClosestName() {
    List<String> labels = List.of("car", "person", "bicycle");
    assertThat(Wording.didYouMean("cra", labels)).isEqualTo("; did you mean 'car'?");
    assertThat(Wording.didYouMean("Person", labels)).isEqualTo("; did you mean 'person'?");
    assertThat(Wording.didYouMean("bicylce", labels)).isEqualTo("; did you mean 'bicycle'?");
    assertThat(Wording.didYouMean("truck", labels)).isEmpty();
    assertThat(Wording.didYouMean("dog", labels)).isEmpty();
    // Short names are all close to each other: only a change of case is suggested.
    assertThat(Wording.didYouMean("x", List.of("a", "b"))).isEmpty();
    assertThat(Wording.didYouMean("A", List.of("a", "b"))).isEqualTo("; did you mean 'a'?");
  }

  @Test
  void editDistanceCountsSwapsAsOneEdit() {
    assertThat(Wording.editDistance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Wording.editDistance("ca", "ac", 10)).isEqualTo(1);
    assertThat(Wording.editDistance("", "abc", 10)).isEqualTo(3);
    assertThat(Wording.editDistance("same", "same", 10)).isZero();
    assertThat(Wording.editDistance("abcdef", "uvwxyz", 2)).isGreaterThanOrEqualTo(2);
  }
}
