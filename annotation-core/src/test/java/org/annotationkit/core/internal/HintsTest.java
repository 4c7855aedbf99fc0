package org.annotationkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
