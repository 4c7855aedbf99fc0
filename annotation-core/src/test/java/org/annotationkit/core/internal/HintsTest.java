package org.annotationkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {

  @Test
  void closestAllowsOneEditForShortNamesAndTwoForLongOnes() {
    assertThat(Hints.closest("cta", List.of("dog", "cat"))).isEqualTo("cat");
    assertThat(Hints.closest("cxx", List.of("cat"))).isNull();
    assertThat(Hints.closest("persno", List.of("car", "person"))).isEqualTo("person");
    assertThat(Hints.closest("pxxson", List.of("person"))).isEqualTo("person");
    assertThat(Hints.closest("pxxxon", List.of("person"))).isNull();
    assertThat(Hints.closest("ab", List.of("ac"))).isNull();
    assertThat(Hints.closest("AB", List.of("ac", "ab"))).isEqualTo("ab");
  }

  @Test
  void theGivenNameItselfIsNoSuggestion() {
    assertThat(Hints.closest("cat", List.of("cat"))).isNull();
    assertThat(Hints.didYouMean("cat", List.of("cat", "cot"))).isEqualTo("; did you mean 'cot'?");
  }

  @Test
  void theFirstOfEquallyCloseCandidatesWins() {
    assertThat(Hints.closest("bat", List.of("cat", "hat"))).isEqualTo("cat");
    assertThat(Hints.closest("bat", List.of("hat", "cat"))).isEqualTo("hat");
  }

  @Test
  void listingQuotesAndAbbreviates() {
    assertThat(Hints.listing(List.of())).isEqualTo("none");
    assertThat(Hints.listing(List.of("a", "b c"))).isEqualTo("'a', 'b c'");
    assertThat(Hints.listing(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
        .isEqualTo("'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', … 2 more");
  }

  @Test
  void editDistanceCountsASwapAsOneEdit() {
    assertThat(Hints.editDistance("abcd", "abdc", 10)).isEqualTo(1);
    assertThat(Hints.editDistance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Hints.editDistance("kitten", "sitting", 2)).isEqualTo(2);
    assertThat(Hints.editDistance("", "abc", 10)).isEqualTo(3);
  }

  @Test
  void bareListingShowsAtMostTenNamesUnquoted() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      names.add("n" + i);
    }
    assertThat(Hints.bareListing(names))
        .isEqualTo("n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, … 3 more");
    assertThat(Hints.bareListing(List.of("car", "person"))).isEqualTo("car, person");
    assertThat(Hints.bareListing(List.of())).isEqualTo("none");
  }

  @Test
  void didYouMeanSuggestsTheClosestName() {
    List<String> labels = List.of("car", "person", "bicycle");
    assertThat(Hints.didYouMean("cra", labels)).isEqualTo("; did you mean 'car'?");
    assertThat(Hints.didYouMean("Person", labels)).isEqualTo("; did you mean 'person'?");
    assertThat(Hints.didYouMean("bicylce", labels)).isEqualTo("; did you mean 'bicycle'?");
    assertThat(Hints.didYouMean("truck", labels)).isEmpty();
    assertThat(Hints.didYouMean("dog", labels)).isEmpty();
    // Short names are all close to each other: only a change of case is suggested.
    assertThat(Hints.didYouMean("x", List.of("a", "b"))).isEmpty();
    assertThat(Hints.didYouMean("A", List.of("a", "b"))).isEqualTo("; did you mean 'a'?");
  }

  @Test
  void editDistanceOfTheValidatorsExamples() {
    assertThat(Hints.editDistance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Hints.editDistance("ca", "ac", 10)).isEqualTo(1);
    assertThat(Hints.editDistance("", "abc", 10)).isEqualTo(3);
    assertThat(Hints.editDistance("same", "same", 10)).isZero();
    assertThat(Hints.editDistance("abcdef", "uvwxyz", 2)).isGreaterThanOrEqualTo(2);
  }
}
